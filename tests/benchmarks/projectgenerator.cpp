// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectgenerator.h"

#include "conveyor/conveyor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace Stagecraft::Bench {

using namespace Qt::StringLiterals;

namespace {

/**
 * SplitMix64: tiny, well distributed, and identical on every platform, unlike the standard
 * library's distributions, whose output is implementation-defined. Determinism per seed is the
 * point of the generator.
 */
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {}

    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int bounded(int n) { return n <= 1 ? 0 : int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + bounded(hi - lo + 1); }
    bool chance(int percent) { return bounded(100) < percent; }
    template<typename T, std::size_t N>
    const T &pick(const std::array<T, N> &items)
    {
        return items[std::size_t(bounded(int(N)))];
    }

private:
    quint64 m_state;
};

enum class Kind { Image, Artifact, Dockerfile };
enum class Lang { Go, Node };

struct ImportSpec
{
    QString artifact;
    QString add;
    QString to;
    QString when;  ///< "before" or "after"
    QString stage; ///< "install" or "setup"
    QString fromStage;
    QStringList include;
    QStringList exclude;
};

struct GitSpec
{
    QString add;
    QString to;
    QStringList include;
    QStringList exclude;
    QStringList install;
    QStringList beforeSetup;
    QStringList setup;
};

struct ImageSpec
{
    QString name;
    Kind kind = Kind::Image;
    QString group;
    QString role;
    QString team;
    QString from;
    QString fromImage;
    QString fromCacheVersion;
    /** The app git mapping from the "git-app" define (group/role), before the literal ones. */
    bool appGit = false;
    QList<GitSpec> git;
    QStringList beforeInstall;
    QStringList install;
    QStringList beforeSetup;
    QStringList setup;
    /** shell.cacheVersion read from ci/cache-versions/<group> in the templated variant. */
    QString groupCacheVersion;
    QString installCacheVersion;
    QString setupCacheVersion;
    QList<ImportSpec> imports;
    bool docker = false;
    QString workdir;
    QString user;
    QStringList expose;
    QStringList cmd;
    QString dockerfile;
    QString context;
    QString target;
    QList<std::pair<QString, QString>> args;
    /** Consecutive images with the same id >= 0 differ only in their name: one `range`. */
    int rangeId = -1;
};

struct GroupHeader
{
    int firstImage = 0;
    QString group;
    QString team;
};

// The blocks shared through .werf/_helpers.tmpl. One text is the source of both variants: the
// plain config substitutes the values, the define substitutes template actions, so the two
// cannot drift apart.
const char16_t dockerCommonBlock[] = u"  ENV:\n"
                                     u"    APP_NAME: %NAME%\n"
                                     u"    SERVICE_GROUP: %GROUP%\n"
                                     u"  LABEL:\n"
                                     u"    team: %TEAM%\n"
                                     u"    component: %ROLE%\n";
const char16_t appGitBlock[] = u"- add: /services/%GROUP%/%ROLE%\n"
                               u"  to: /app\n"
                               u"  includePaths:\n"
                               u"  - config\n"
                               u"  - scripts\n"
                               u"  excludePaths:\n"
                               u"  - \"**/*.md\"\n"
                               u"  stageDependencies:\n"
                               u"    beforeSetup:\n"
                               u"    - scripts/*.sh\n"
                               u"    setup:\n"
                               u"    - config/*.yaml\n";

QString fillBlock(const char16_t *block, const ImageSpec &image, bool templated)
{
    QString text = QString::fromUtf16(block);
    text.replace(u"%NAME%"_s, templated ? u"{{ .Name }}"_s : image.name);
    text.replace(u"%GROUP%"_s, templated ? u"{{ .Group }}"_s : image.group);
    text.replace(u"%TEAM%"_s, templated ? u"{{ .Team }}"_s : image.team);
    text.replace(u"%ROLE%"_s, templated ? u"{{ .Role }}"_s : image.role);
    return text;
}

bool isYamlSpecialWord(const QString &s)
{
    static const QStringList words = {u"y"_s,
                                      u"n"_s,
                                      u"yes"_s,
                                      u"no"_s,
                                      u"on"_s,
                                      u"off"_s,
                                      u"true"_s,
                                      u"false"_s,
                                      u"null"_s,
                                      u"~"_s};
    return words.contains(s.toLower());
}

/** A scalar as plain YAML when that is unambiguous (what people write), else double-quoted. */
QString scalar(const QString &s)
{
    static const QRegularExpression number(u"^[-+]?[0-9][0-9_.:eExXoObB+-]*$"_s);
    const bool plain = !s.isEmpty()
                       && (s.front().isLetter() || s.front() == u'/' || s.front() == u'.'
                           || s.front() == u'_')
                       && !s.contains(u": "_s) && !s.contains(u" #"_s) && !s.endsWith(u':')
                       && !s.endsWith(u' ') && !s.contains(u'"') && !s.contains(u'\'')
                       && !s.contains(u'\\') && !s.contains(u'{') && !s.contains(u'}')
                       && !s.contains(u'[') && !s.contains(u']') && !s.contains(u',')
                       && !isYamlSpecialWord(s) && !number.match(s).hasMatch();
    if (plain)
        return s;
    QString quoted = s;
    quoted.replace(u'\\', u"\\\\"_s);
    quoted.replace(u'"', u"\\\""_s);
    return u'"' + quoted + u'"';
}

class Writer
{
public:
    void line(int indent, const QString &text) { m_text += QString(indent, u' ') + text + u'\n'; }
    void key(int indent, const QString &key, const QString &value)
    {
        line(indent, key + u": " + scalar(value));
    }
    void list(int indent, const QString &key, const QStringList &items)
    {
        if (items.isEmpty())
            return;
        line(indent, key + u':');
        for (const QString &item : items)
            line(indent, u"- " + scalar(item));
    }
    void raw(const QString &text) { m_text += text; }
    const QString &text() const { return m_text; }

private:
    QString m_text;
};

const std::array<const char16_t *, 8> teams
        = {u"platform", u"payments", u"search", u"growth", u"identity", u"media", u"data", u"infra"};
const std::array<const char16_t *, 4> baseImages = {u"alpine:3.18",
                                                    u"alpine:3.19",
                                                    u"debian:bookworm-slim",
                                                    u"ubuntu:22.04"};
const std::array<const char16_t *, 14> appRoles = {u"api",
                                                   u"web",
                                                   u"admin",
                                                   u"gateway",
                                                   u"cron",
                                                   u"notifier",
                                                   u"exporter",
                                                   u"scheduler",
                                                   u"auth",
                                                   u"billing",
                                                   u"search",
                                                   u"media",
                                                   u"reports",
                                                   u"sync"};
const std::array<const char16_t *, 4> dockerfileRoles = {u"proxy", u"migrate", u"legacy", u"docs"};

struct Component
{
    QString role;
    Lang lang = Lang::Go;
};

} // namespace

struct GeneratedSpec
{
    QList<ImageSpec> images;
    QList<GroupHeader> groups;
    /** Files of the first commit, then the changes of the second and third. */
    std::array<QMap<QString, QByteArray>, 3> commits;
};

namespace {

QByteArray goMain(const QString &name, int revision)
{
    return QStringLiteral("package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                          "\tfmt.Println(\"%1 revision %2\")\n}\n")
            .arg(name)
            .arg(revision)
            .toUtf8();
}

void addComponentFiles(GeneratedSpec &spec, const QString &group, const Component &c, Rng &rng)
{
    const QString dir = u"services/"_s + group + u'/' + c.role + u'/';
    auto &files = spec.commits[0];
    const QString fullName = group + u'-' + c.role;
    if (c.lang == Lang::Go) {
        files[dir + u"go.mod"_s] = QStringLiteral("module example.com/%1/%2\n\ngo 1.21\n")
                                           .arg(group, c.role)
                                           .toUtf8();
        files[dir + u"go.sum"_s] = QByteArrayLiteral("");
        files[dir + u"cmd/"_s + c.role + u"/main.go"_s] = goMain(fullName, 1);
        files[dir + u"internal/handler.go"_s] = QStringLiteral(
                                                        "package internal\n\n// Handle serves "
                                                        "%1.\nfunc Handle() string { return "
                                                        "\"%1\" }\n")
                                                        .arg(fullName)
                                                        .toUtf8();
        files[dir + u"internal/handler_test.go"_s] = QByteArrayLiteral("package internal\n");
    } else {
        files[dir + u"package.json"_s] = QStringLiteral("{\n  \"name\": \"%1\",\n  \"version\": "
                                                        "\"1.0.0\",\n  \"scripts\": { \"build\": "
                                                        "\"node build.js\" }\n}\n")
                                                 .arg(fullName)
                                                 .toUtf8();
        files[dir + u"package-lock.json"_s] = QStringLiteral("{ \"name\": \"%1\", "
                                                             "\"lockfileVersion\": 3 }\n")
                                                      .arg(fullName)
                                                      .toUtf8();
        files[dir + u"src/index.js"_s]
                = QStringLiteral("console.log('%1');\n").arg(fullName).toUtf8();
    }
    files[dir + u"config/"_s + c.role + u".yaml"_s] = QStringLiteral("name: %1\nreplicas: %2\n")
                                                              .arg(fullName)
                                                              .arg(rng.between(1, 5))
                                                              .toUtf8();
    files[dir + u"scripts/entrypoint.sh"_s]
            = QStringLiteral("#!/bin/sh\nexec /app/bin/%1 \"$@\"\n").arg(c.role).toUtf8();
    files[dir + u"README.md"_s] = QStringLiteral("# %1\n").arg(fullName).toUtf8();

    // The later commits touch a share of the files, so git stages have history to diff.
    if (rng.chance(15)) {
        spec.commits[1][dir + u"config/"_s + c.role + u".yaml"_s]
                = QStringLiteral("name: %1\nreplicas: %2\nlogLevel: debug\n")
                          .arg(fullName)
                          .arg(rng.between(1, 5))
                          .toUtf8();
    }
    if (c.lang == Lang::Go && rng.chance(10))
        spec.commits[1][dir + u"cmd/"_s + c.role + u"/main.go"_s] = goMain(fullName, 2);
    if (rng.chance(5)) {
        spec.commits[2][dir + u"scripts/healthcheck.sh"_s] = QByteArrayLiteral(
                "#!/bin/sh\nexit 0\n");
    }
}

QString dockerfileText(const QString &role, bool withTarget)
{
    QString text = u"FROM golang:1.21-alpine AS build\nWORKDIR /src\nCOPY . .\n"_s
                   + u"RUN go build -o /out/"_s + role + u" .\n\n"_s;
    text += withTarget ? u"FROM alpine:3.18 AS runtime\n"_s : u"FROM alpine:3.18\n"_s;
    text += u"ARG VERSION\nLABEL version=$VERSION\nCOPY --from=build /out/"_s + role
            + u" /usr/local/bin/"_s + role + u"\nENTRYPOINT [\"/usr/local/bin/"_s + role
            + u"\"]\n"_s;
    return text;
}

/** Builds the image specs group by group; every reference points at an earlier image. */
void buildSpec(GeneratedSpec &spec, ProjectStats &stats, const GeneratorOptions &options)
{
    Rng rng(options.seed);
    const int wanted = qMax(0, options.images);
    int rangeCounter = 0;
    QString toolsArtifact;

    for (int g = 0; spec.images.size() < wanted; ++g) {
        const QString group = QStringLiteral("s%1").arg(g, 4, 10, QLatin1Char('0'));
        const QString team = QString::fromUtf16(rng.pick(teams));
        spec.groups.append({int(spec.images.size()), group, team});
        auto add = [&](ImageSpec image) {
            if (spec.images.size() >= wanted)
                return false;
            image.group = group;
            image.team = team;
            spec.images.append(std::move(image));
            return true;
        };

        // Plan the group first: the build artifacts list the components they compile.
        QList<Component> apps;
        QList<QString> roles;
        const int appCount = rng.between(2, 6);
        while (apps.size() < appCount) {
            const QString role = QString::fromUtf16(rng.pick(appRoles));
            if (roles.contains(role))
                continue;
            roles.append(role);
            apps.append({role, rng.chance(60) ? Lang::Go : Lang::Node});
        }
        const int workers = rng.chance(50) ? rng.between(2, 4) : 0;
        QList<Component> built = apps;
        if (workers > 0)
            built.append({u"worker"_s, Lang::Go});
        // The sources come first, so that a group cut short by the image count still finds
        // every directory its mappings name.
        for (const Component &c : std::as_const(built))
            addComponentFiles(spec, group, c, rng);
        const int dockerfileRoll = rng.bounded(10);
        const int dockerfileCount = dockerfileRoll == 0 ? 0 : dockerfileRoll == 9 ? 2 : 1;

        // One shared tools artifact per ten groups; base images import from it.
        if (g % 10 == 0) {
            ImageSpec tools;
            tools.name = group + u"-tools"_s;
            tools.kind = Kind::Artifact;
            tools.role = u"tools"_s;
            tools.from = u"alpine:3.18"_s;
            tools.install = {u"apk add --no-cache curl ca-certificates"_s,
                             QStringLiteral("curl -fsSL -o /usr/local/bin/tini "
                                            "https://downloads.example.invalid/tini-0.19.%1")
                                     .arg(g),
                             u"chmod +x /usr/local/bin/tini"_s,
                             u"cp /bin/busybox /usr/local/bin/gosu"_s};
            tools.installCacheVersion = QStringLiteral("tools-%1").arg(rng.between(1, 9));
            if (!add(tools))
                break;
            toolsArtifact = tools.name;
        }

        ImageSpec base;
        base.name = group + u"-base"_s;
        base.role = u"base"_s;
        base.from = QString::fromUtf16(rng.pick(baseImages));
        if (rng.chance(20))
            base.fromCacheVersion = QStringLiteral("2024-%1").arg(rng.between(1, 12));
        if (base.from.startsWith(u"alpine"_s)) {
            base.beforeInstall = {u"apk add --no-cache ca-certificates tzdata"_s,
                                  u"addgroup -S app && adduser -S -G app app"_s};
        } else {
            base.beforeInstall
                    = {u"apt-get update"_s,
                       u"apt-get install -y --no-install-recommends ca-certificates tzdata"_s,
                       u"useradd --system --create-home app"_s};
        }
        base.groupCacheVersion = QStringLiteral("v%1").arg(rng.between(1, 20));
        spec.commits[0][u"ci/cache-versions/"_s + group] = base.groupCacheVersion.toUtf8();
        if (!toolsArtifact.isEmpty() && rng.chance(60)) {
            ImportSpec imp;
            imp.artifact = toolsArtifact;
            imp.add = u"/usr/local/bin"_s;
            imp.to = u"/usr/local/bin"_s;
            imp.include = {u"tini"_s, u"gosu"_s};
            imp.when = u"before"_s;
            imp.stage = u"install"_s;
            base.imports.append(imp);
        }
        if (!add(base))
            break;

        // Build artifacts, one per language the group uses.
        QString artifactFor[2];
        for (Lang lang : {Lang::Go, Lang::Node}) {
            QStringList components;
            for (const Component &c : std::as_const(built)) {
                if (c.lang == lang)
                    components.append(c.role);
            }
            if (components.isEmpty())
                continue;
            const bool go = lang == Lang::Go;
            ImageSpec art;
            art.name = group + (go ? u"-go-build"_s : u"-node-build"_s);
            art.kind = Kind::Artifact;
            art.role = go ? u"go-build"_s : u"node-build"_s;
            if (rng.chance(30))
                art.fromImage = base.name;
            else
                art.from = go ? u"golang:1.21-alpine"_s : u"node:20-alpine"_s;
            GitSpec git;
            git.add = u"/services/"_s + group;
            git.to = u"/src"_s;
            git.include = components;
            if (go) {
                git.exclude = {u"**/*_test.go"_s, u"**/testdata"_s};
                git.install = {u"*/go.mod"_s, u"*/go.sum"_s};
                git.setup = {u"**/*.go"_s};
            } else {
                git.exclude = {u"**/node_modules"_s, u"**/*.test.js"_s};
                git.install = {u"*/package.json"_s, u"*/package-lock.json"_s};
                git.setup = {u"*/src/**"_s};
            }
            art.git.append(git);
            for (const QString &c : std::as_const(components)) {
                if (go) {
                    art.install.append(u"cd /src/"_s + c + u" && go mod download"_s);
                    art.setup.append(u"cd /src/"_s + c + u" && go build -trimpath -o /out/"_s + c
                                     + u" ./cmd/"_s + c);
                } else {
                    art.install.append(u"cd /src/"_s + c + u" && npm ci"_s);
                    art.setup.append(u"cd /src/"_s + c
                                     + u" && npm run build && mkdir -p /out && cp -r dist /out/"_s
                                     + c);
                }
            }
            if (rng.chance(40))
                art.installCacheVersion = QStringLiteral("%1").arg(rng.between(1, 5));
            if (!add(art))
                break;
            artifactFor[go ? 0 : 1] = art.name;
        }

        QStringList dockerfileImages;
        for (int d = 0; d < dockerfileCount; ++d) {
            const QString role = QString::fromUtf16(
                    dockerfileRoles[std::size_t(d) + std::size_t(rng.bounded(2)) * 2]);
            if (dockerfileImages.contains(group + u'-' + role))
                continue;
            ImageSpec df;
            df.name = group + u'-' + role;
            df.kind = Kind::Dockerfile;
            df.role = role;
            df.dockerfile = u"services/"_s + group + u'/' + role + u"/Dockerfile"_s;
            df.context = u"services/"_s + group + u'/' + role;
            const bool withTarget = rng.chance(50);
            if (withTarget)
                df.target = u"runtime"_s;
            df.args = {{u"VERSION"_s, QStringLiteral("1.%1.%2").arg(g).arg(rng.between(0, 9))},
                       {u"SERVICE_GROUP"_s, group}};
            spec.commits[0][df.dockerfile] = dockerfileText(role, withTarget).toUtf8();
            spec.commits[0][df.context + u"/main.go"_s] = goMain(df.name, 1);
            if (!add(df))
                break;
            dockerfileImages.append(df.name);
        }

        auto appImage = [&](const Component &c, const QString &name) {
            ImageSpec app;
            app.name = name;
            app.role = c.role;
            app.appGit = true;
            const QString artifact = artifactFor[c.lang == Lang::Go ? 0 : 1];
            if (c.lang == Lang::Go) {
                ImportSpec imp;
                imp.artifact = artifact;
                imp.add = u"/out"_s;
                imp.to = u"/app/bin"_s;
                imp.include = {c.role};
                const bool afterInstall = rng.chance(50);
                imp.when = afterInstall ? u"after"_s : u"before"_s;
                imp.stage = afterInstall ? u"install"_s : u"setup"_s;
                app.imports.append(imp);
            } else {
                ImportSpec deps;
                deps.artifact = artifact;
                deps.add = u"/src/"_s + c.role + u"/node_modules"_s;
                deps.to = u"/app/node_modules"_s;
                deps.fromStage = u"install"_s;
                deps.when = u"before"_s;
                deps.stage = u"install"_s;
                app.imports.append(deps);
                ImportSpec assets;
                assets.artifact = artifact;
                assets.add = u"/out/"_s + c.role;
                assets.to = u"/app/public"_s;
                assets.exclude = {u"**/*.map"_s};
                assets.when = u"after"_s;
                assets.stage = u"setup"_s;
                app.imports.append(assets);
            }
            app.docker = true;
            app.workdir = u"/app"_s;
            if (rng.chance(50))
                app.user = u"app"_s;
            if (c.role != u"cron"_s && c.role != u"worker"_s)
                app.expose = {QString::number(8000 + rng.bounded(100))};
            app.cmd = {u"/app/bin/"_s + c.role,
                       u"--config"_s,
                       u"/app/config/"_s + c.role + u".yaml"_s};
            return app;
        };

        QStringList groupApps;
        bool full = false;
        for (const Component &c : std::as_const(apps)) {
            ImageSpec app = appImage(c, group + u'-' + c.role);
            const int roll = rng.bounded(100);
            if (roll < 20 && !groupApps.isEmpty())
                app.fromImage = groupApps.at(rng.bounded(int(groupApps.size())));
            else if (roll < 25 && !dockerfileImages.isEmpty())
                app.fromImage = dockerfileImages.front();
            else
                app.fromImage = base.name;
            if (rng.chance(30))
                app.beforeSetup = {u"chown -R app:app /app"_s};
            if (rng.chance(25)) {
                app.setup = {u"/app/scripts/entrypoint.sh --check"_s};
                app.setupCacheVersion = QStringLiteral("%1").arg(rng.between(1, 3));
            }
            if (rng.chance(10)) {
                // A second, literal mapping: shared configuration of the group.
                GitSpec shared;
                shared.add = u"/services/"_s + group;
                shared.to = u"/etc/"_s + group;
                shared.include = {u"*/config/*.yaml"_s};
                app.git.append(shared);
            }
            if (!add(app)) {
                full = true;
                break;
            }
            groupApps.append(app.name);
        }
        if (full)
            break;

        if (workers > 0) {
            const int id = rangeCounter++;
            // Drawn once: replicas are identical apart from the name.
            ImageSpec worker = appImage({u"worker"_s, Lang::Go}, QString());
            worker.fromImage = base.name;
            worker.expose.clear();
            worker.rangeId = id;
            for (int w = 1; w <= workers; ++w) {
                ImageSpec replica = worker;
                replica.name = group + u"-worker-"_s + QString::number(w);
                if (!add(replica))
                    break;
            }
        }
    }

    spec.commits[2][u"CHANGELOG.md"_s] = QByteArrayLiteral("# Changelog\n\n- generated\n");

    if (!options.gitMappings) {
        for (ImageSpec &image : spec.images) {
            image.git.clear();
            image.appGit = false;
        }
    }

    for (const ImageSpec &image : std::as_const(spec.images)) {
        switch (image.kind) {
        case Kind::Image:
            ++stats.images;
            break;
        case Kind::Artifact:
            ++stats.artifacts;
            break;
        case Kind::Dockerfile:
            ++stats.dockerfiles;
            break;
        }
        stats.imports += int(image.imports.size());
        stats.gitMappings += int(image.git.size()) + (image.appGit ? 1 : 0);
        stats.fromImage += image.fromImage.isEmpty() ? 0 : 1;
        stats.fromExternal += image.from.isEmpty() ? 0 : 1;
        stats.rangeImages += image.rangeId >= 0 ? 1 : 0;
    }
    stats.documents = int(spec.images.size()) + 1;
    QSet<QString> sources;
    for (const auto &commit : spec.commits) {
        for (auto it = commit.cbegin(); it != commit.cend(); ++it)
            sources.insert(it.key());
    }
    stats.sourceFiles = int(sources.size());
}

/**
 * One image document. In the templated variant the name may come from a range variable
 * (nameExpr), and the shared blocks and the group's cacheVersion come from templates.
 */
void writeImage(Writer &w, const ImageSpec &image, bool templated, const QString &nameExpr = {})
{
    const QString name = nameExpr.isEmpty() ? scalar(image.name) : nameExpr;
    if (image.kind == Kind::Dockerfile) {
        w.line(0, u"image: "_s + name);
        w.key(0, u"dockerfile"_s, image.dockerfile);
        w.key(0, u"context"_s, image.context);
        if (!image.target.isEmpty())
            w.key(0, u"target"_s, image.target);
        w.line(0, u"args:"_s);
        for (const auto &[key, value] : image.args)
            w.key(2, key, value);
        return;
    }
    w.line(0, (image.kind == Kind::Artifact ? u"artifact: "_s : u"image: "_s) + name);
    if (!image.from.isEmpty())
        w.key(0, u"from"_s, image.from);
    if (!image.fromImage.isEmpty())
        w.key(0, u"fromImage"_s, image.fromImage);
    if (!image.fromCacheVersion.isEmpty())
        w.key(0, u"fromCacheVersion"_s, image.fromCacheVersion);

    if (image.appGit || !image.git.isEmpty()) {
        w.line(0, u"git:"_s);
        if (image.appGit) {
            if (templated)
                w.line(0, u"{{- include \"git-app\" $ }}"_s);
            else
                w.raw(fillBlock(appGitBlock, image, false));
        }
        for (const GitSpec &git : image.git) {
            w.key(0, u"- add"_s, git.add);
            w.key(2, u"to"_s, git.to);
            w.list(2, u"includePaths"_s, git.include);
            w.list(2, u"excludePaths"_s, git.exclude);
            if (!git.install.isEmpty() || !git.beforeSetup.isEmpty() || !git.setup.isEmpty()) {
                w.line(2, u"stageDependencies:"_s);
                w.list(4, u"install"_s, git.install);
                w.list(4, u"beforeSetup"_s, git.beforeSetup);
                w.list(4, u"setup"_s, git.setup);
            }
        }
    }

    if (!image.beforeInstall.isEmpty() || !image.install.isEmpty() || !image.beforeSetup.isEmpty()
        || !image.setup.isEmpty() || !image.groupCacheVersion.isEmpty()) {
        w.line(0, u"shell:"_s);
        w.list(2, u"beforeInstall"_s, image.beforeInstall);
        w.list(2, u"install"_s, image.install);
        w.list(2, u"beforeSetup"_s, image.beforeSetup);
        w.list(2, u"setup"_s, image.setup);
        if (!image.groupCacheVersion.isEmpty()) {
            if (templated) {
                w.line(2,
                       u"cacheVersion: {{ $.Files.Get (printf \"ci/cache-versions/%s\" $.Group) }}"_s);
            } else {
                w.key(2, u"cacheVersion"_s, image.groupCacheVersion);
            }
        }
        if (!image.installCacheVersion.isEmpty())
            w.key(2, u"installCacheVersion"_s, image.installCacheVersion);
        if (!image.setupCacheVersion.isEmpty())
            w.key(2, u"setupCacheVersion"_s, image.setupCacheVersion);
    }

    if (!image.imports.isEmpty()) {
        w.line(0, u"import:"_s);
        for (const ImportSpec &imp : image.imports) {
            w.key(0, u"- artifact"_s, imp.artifact);
            w.key(2, u"add"_s, imp.add);
            w.key(2, u"to"_s, imp.to);
            w.list(2, u"includePaths"_s, imp.include);
            w.list(2, u"excludePaths"_s, imp.exclude);
            if (!imp.fromStage.isEmpty())
                w.key(2, u"stage"_s, imp.fromStage);
            w.key(2, imp.when, imp.stage);
        }
    }

    if (image.docker) {
        w.line(0, u"docker:"_s);
        if (templated)
            w.line(0, u"{{- include \"docker-common\" $ }}"_s);
        else
            w.raw(fillBlock(dockerCommonBlock, image, false));
        if (!image.workdir.isEmpty())
            w.key(2, u"WORKDIR"_s, image.workdir);
        if (!image.user.isEmpty())
            w.key(2, u"USER"_s, image.user);
        w.list(2, u"EXPOSE"_s, image.expose);
        w.list(2, u"CMD"_s, image.cmd);
    }
}

QString setLine(const QString &key, const QString &value)
{
    return u"{{- $_ := set $ \""_s + key + u"\" \""_s + value + u"\" }}"_s;
}

QString metaDocument(bool templated)
{
    if (templated)
        return u"{{ $_ := set . \"Project\" \"stagecraft-bench\" -}}\n"_s
               u"configVersion: 1\nproject: {{ .Project }}\n"_s;
    return u"configVersion: 1\nproject: stagecraft-bench\n"_s;
}

QString helpersTemplate()
{
    QString text
            = u"{{/* Blocks shared by the generated images. Each body starts with a newline and "
              u"ends without one, so an include on a line of its own, with a trimming action, "
              u"leaves the lines around it as they are. */}}\n"_s;
    ImageSpec placeholder;
    QString docker = fillBlock(dockerCommonBlock, placeholder, true);
    QString git = fillBlock(appGitBlock, placeholder, true);
    docker.chop(1);
    git.chop(1);
    text += u"{{ define \"docker-common\" }}\n"_s + docker + u"\n{{- end }}\n"_s;
    text += u"{{ define \"git-app\" }}\n"_s + git + u"\n{{- end }}\n"_s;
    return text;
}

bool runGit(const QString &directory,
            const QStringList &arguments,
            const QString &date,
            QString *errorString)
{
    QProcess git;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Fixed identity, dates and no user/system config: the commit ids depend on the seed only.
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    env.insert(u"GIT_AUTHOR_NAME"_s, u"Stagecraft Bench"_s);
    env.insert(u"GIT_AUTHOR_EMAIL"_s, u"bench@stagecraft.invalid"_s);
    env.insert(u"GIT_COMMITTER_NAME"_s, u"Stagecraft Bench"_s);
    env.insert(u"GIT_COMMITTER_EMAIL"_s, u"bench@stagecraft.invalid"_s);
    env.insert(u"GIT_AUTHOR_DATE"_s, date);
    env.insert(u"GIT_COMMITTER_DATE"_s, date);
    git.setProcessEnvironment(env);
    git.setWorkingDirectory(directory);
    git.start(u"git"_s,
              QStringList{u"-c"_s,
                          u"commit.gpgsign=false"_s,
                          u"-c"_s,
                          u"core.autocrlf=false"_s,
                          u"-c"_s,
                          u"init.defaultBranch=main"_s}
                      + arguments);
    if (!git.waitForStarted(30000)) {
        if (errorString)
            *errorString = u"cannot start git: "_s + git.errorString();
        return false;
    }
    git.closeWriteChannel();
    if (!git.waitForFinished(600000) || git.exitStatus() != QProcess::NormalExit
        || git.exitCode() != 0) {
        if (errorString) {
            *errorString = u"git "_s + arguments.join(u' ') + u" failed: "_s
                           + QString::fromLocal8Bit(git.readAllStandardError()).trimmed();
        }
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &content, QString *errorString)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size()) {
        if (errorString)
            *errorString = u"cannot write "_s + path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

} // namespace

ProjectGenerator::ProjectGenerator(const GeneratorOptions &options)
    : m_options(options)
    , m_spec(std::make_unique<GeneratedSpec>())
{
    buildSpec(*m_spec, m_stats, m_options);
}

ProjectGenerator::~ProjectGenerator() = default;

QStringList ProjectGenerator::imageNames() const
{
    QStringList names;
    names.reserve(m_spec->images.size());
    for (const ImageSpec &image : std::as_const(m_spec->images))
        names.append(image.name);
    return names;
}

Model::Conveyor ProjectGenerator::conveyor() const
{
    using namespace Model;
    Conveyor conveyor;
    QHash<QString, int> byName;
    for (const ImageSpec &spec : std::as_const(m_spec->images)) {
        ConveyorImage image;
        image.name = spec.name;
        image.document = int(conveyor.images.size()) + 1;
        auto stage = [&image](StageId id) { image.stages.append({id, {}}); };
        if (spec.kind == Kind::Dockerfile) {
            image.kind = ImageKind::Dockerfile;
            stage(StageId::Dockerfile);
        } else {
            image.kind = spec.kind == Kind::Artifact ? ImageKind::Artifact : ImageKind::Image;
            const bool cache = !spec.groupCacheVersion.isEmpty();
            const bool git = spec.appGit || !spec.git.isEmpty();
            auto imports = [&spec](const QString &when, const QString &stageName) {
                for (const ImportSpec &imp : spec.imports) {
                    if (imp.when == when && imp.stage == stageName)
                        return true;
                }
                return false;
            };
            stage(StageId::From);
            if (cache || !spec.beforeInstall.isEmpty())
                stage(StageId::BeforeInstall);
            if (imports(u"before"_s, u"install"_s))
                stage(StageId::ImportsBeforeInstall);
            if (git)
                stage(StageId::GitArchive);
            if (cache || !spec.install.isEmpty() || !spec.installCacheVersion.isEmpty())
                stage(StageId::Install);
            if (imports(u"after"_s, u"install"_s))
                stage(StageId::ImportsAfterInstall);
            if (cache || !spec.beforeSetup.isEmpty())
                stage(StageId::BeforeSetup);
            if (imports(u"before"_s, u"setup"_s))
                stage(StageId::ImportsBeforeSetup);
            if (cache || !spec.setup.isEmpty() || !spec.setupCacheVersion.isEmpty())
                stage(StageId::Setup);
            if (imports(u"after"_s, u"setup"_s))
                stage(StageId::ImportsAfterSetup);
            if (git && spec.kind == Kind::Image) {
                stage(StageId::GitCache);
                stage(StageId::GitLatestPatch);
            }
            if (spec.docker)
                stage(StageId::DockerInstructions);
        }
        byName.insert(spec.name, int(conveyor.images.size()));
        conveyor.images.append(image);
    }

    QHash<QString, int> externals;
    for (qsizetype target = 0; target < m_spec->images.size(); ++target) {
        const ImageSpec &spec = m_spec->images.at(target);
        if (!spec.from.isEmpty()) {
            int source = externals.value(spec.from, -1);
            if (source < 0) {
                ConveyorImage external;
                external.name = spec.from;
                external.kind = ImageKind::External;
                source = int(conveyor.images.size());
                conveyor.images.append(external);
                externals.insert(spec.from, source);
            }
            conveyor.edges.append({EdgeKind::FromExternal,
                                   source,
                                   int(target),
                                   StageId::From,
                                   std::nullopt,
                                   {},
                                   {}});
        }
        if (!spec.fromImage.isEmpty()) {
            conveyor.edges.append({EdgeKind::FromImage,
                                   byName.value(spec.fromImage),
                                   int(target),
                                   StageId::From,
                                   std::nullopt,
                                   {},
                                   {}});
        }
        for (const ImportSpec &imp : spec.imports) {
            const bool before = imp.when == u"before"_s;
            const bool install = imp.stage == u"install"_s;
            const StageId at = install ? (before ? StageId::ImportsBeforeInstall
                                                 : StageId::ImportsAfterInstall)
                                       : (before ? StageId::ImportsBeforeSetup
                                                 : StageId::ImportsAfterSetup);
            std::optional<StageId> from;
            if (!imp.fromStage.isEmpty())
                from = stageFromName(imp.fromStage);
            conveyor.edges.append({EdgeKind::Import,
                                   byName.value(imp.artifact),
                                   int(target),
                                   at,
                                   from,
                                   imp.add + u" → "_s + imp.to,
                                   {}});
        }
    }

    // Dependency sets (reference §4.1): every reference points at an earlier image, so one pass
    // in document order settles each image's set.
    QList<QList<int>> sources(m_spec->images.size());
    for (const ConveyorEdge &edge : std::as_const(conveyor.edges)) {
        if (edge.kind != EdgeKind::FromExternal)
            sources[edge.target].append(edge.source);
    }
    for (qsizetype i = 0; i < m_spec->images.size(); ++i) {
        int set = 0;
        for (int source : std::as_const(sources.at(i)))
            set = qMax(set, conveyor.images.at(source).set + 1);
        conveyor.images[i].set = set;
        while (conveyor.sets.size() <= set)
            conveyor.sets.append(QList<int>());
        conveyor.sets[set].append(int(i));
    }
    for (QList<int> &set : conveyor.sets) {
        std::sort(set.begin(), set.end(), [&conveyor](int a, int b) {
            return conveyor.images.at(a).name < conveyor.images.at(b).name;
        });
    }
    return conveyor;
}

QByteArray ProjectGenerator::plainConfig() const
{
    Writer w;
    w.raw(metaDocument(false));
    for (const ImageSpec &image : std::as_const(m_spec->images)) {
        w.line(0, u"---"_s);
        writeImage(w, image, false);
    }
    return w.text().toUtf8();
}

QByteArray ProjectGenerator::templatedConfig() const
{
    Writer w;
    w.raw(metaDocument(true));
    const QList<ImageSpec> &images = m_spec->images;
    int nextGroup = 0;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const ImageSpec &image = images.at(i);
        if (nextGroup < m_spec->groups.size() && m_spec->groups.at(nextGroup).firstImage == i) {
            const GroupHeader &header = m_spec->groups.at(nextGroup++);
            w.line(0, setLine(u"Group"_s, header.group));
            w.line(0, setLine(u"Team"_s, header.team));
        }
        w.line(0, setLine(u"Role"_s, image.role));
        if (image.rangeId < 0) {
            w.line(0, setLine(u"Name"_s, image.name));
            w.line(0, u"---"_s);
            writeImage(w, image, true);
            continue;
        }
        // The replicas: one range over their names.
        QStringList names;
        qsizetype j = i;
        while (j < images.size() && images.at(j).rangeId == image.rangeId)
            names.append(u'"' + images.at(j++).name + u'"');
        w.line(0, u"{{- range $name := list "_s + names.join(u' ') + u" }}"_s);
        w.line(0, u"{{- $_ := set $ \"Name\" $name }}"_s);
        w.line(0, u"---"_s);
        Writer body;
        writeImage(body, image, true, u"{{ $name }}"_s);
        QString text = body.text();
        text.chop(1); // the body's last newline is trimmed by "{{- end }}"
        w.raw(text + u'\n');
        w.line(0, u"{{- end }}"_s);
        i = j - 1;
    }
    return w.text().toUtf8();
}

QMap<QString, QByteArray> ProjectGenerator::projectFiles() const
{
    QMap<QString, QByteArray> files;
    for (const auto &commit : m_spec->commits) {
        for (auto it = commit.cbegin(); it != commit.cend(); ++it)
            files.insert(it.key(), it.value());
    }
    files.insert(u".werf/_helpers.tmpl"_s, helpersTemplate().toUtf8());
    return files;
}

bool ProjectGenerator::write(const QString &directory, QString *errorString) const
{
    QDir dir(directory);
    if (dir.exists() && !dir.isEmpty()) {
        if (errorString)
            *errorString = u"directory is not empty: "_s + directory;
        return false;
    }
    if (!QDir().mkpath(directory)) {
        if (errorString)
            *errorString = u"cannot create "_s + directory;
        return false;
    }
    const QString root = QFileInfo(directory).absoluteFilePath() + u'/';
    QMap<QString, QByteArray> first = m_spec->commits[0];
    first.insert(plainConfigName(), plainConfig());
    first.insert(templatedConfigName(), templatedConfig());
    first.insert(u".werf/_helpers.tmpl"_s, helpersTemplate().toUtf8());

    const std::array<QString, 3> dates = {u"2024-01-01T09:00:00+0000"_s,
                                          u"2024-01-02T09:00:00+0000"_s,
                                          u"2024-01-03T09:00:00+0000"_s};
    const std::array<QString, 3> messages = {u"Initial import of the services"_s,
                                             u"Tune configs and rebuild some binaries"_s,
                                             u"Add health checks and a changelog"_s};
    if (m_options.gitRepository && !runGit(root, {u"init"_s, u"-q"_s}, dates[0], errorString))
        return false;
    for (std::size_t c = 0; c < 3; ++c) {
        const QMap<QString, QByteArray> &files = c == 0 ? first : m_spec->commits[c];
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!writeFile(root + it.key(), it.value(), errorString))
                return false;
        }
        if (!m_options.gitRepository)
            continue;
        if (!runGit(root, {u"add"_s, u"-A"_s}, dates[c], errorString)
            || !runGit(root, {u"commit"_s, u"-q"_s, u"-m"_s, messages[c]}, dates[c], errorString))
            return false;
    }
    return true;
}

} // namespace Stagecraft::Bench
