// SPDX-License-Identifier: GPL-3.0-or-later
#include "configvalidator.h"

#include "config/configdecoder.h"
#include "config/werfconfig.h"

#include <QDir>
#include <QHash>

namespace Stagecraft::Model {

namespace {

/** One export of an image: a git mapping or an import, as werf's autoExcludeExport sees it. */
struct Export
{
    QString to;
    const QStringList *includePaths = nullptr;
    QStringList *effectiveExcludes = nullptr;
    Span span;
};

/** werf's isSubPath: path equals base or lies below it ("/" contains every absolute path). */
bool isSubPath(const QString &base, const QString &path)
{
    QString prefix = base;
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    return path == base || path.startsWith(prefix + u'/');
}

QString trimLeadingSlashes(QString s)
{
    while (s.startsWith(u'/'))
        s.remove(0, 1);
    return s;
}

QString joinPath(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b.isEmpty() ? QString() : cleanPath(b);
    if (b.isEmpty())
        return cleanPath(a);
    return cleanPath(a + u'/' + b);
}

QStringList autoExcludeIncludes(const Export &e)
{
    QStringList result;
    const QString prefix = trimLeadingSlashes(e.to);
    for (const QString &p : *e.includePaths)
        result << joinPath(prefix, p);
    if (result.isEmpty() && e.to != QStringLiteral("/"))
        result << prefix;
    return result;
}

/** filepath.Rel for two clean absolute paths where target lies under base. */
QString relativePath(const QString &base, const QString &target)
{
    QString rel = QDir(base).relativeFilePath(target);
    return rel.isEmpty() ? QStringLiteral(".") : rel;
}

/** AutoExcludeExportAndCheck: false on a conflict. */
bool autoExclude(Export &e1, const Export &e2)
{
    if (!isSubPath(e1.to, e2.to))
        return true;
    const QStringList inc1 = autoExcludeIncludes(e1);
    const QStringList inc2 = autoExcludeIncludes(e2);
    if (inc1.isEmpty() && inc2.isEmpty())
        return false;
    const QString prefix1 = trimLeadingSlashes(e1.to);
    for (const QString &p2 : inc2) {
        bool skip = false;
        // In werf's order: an equal include is a conflict, an include below p2 covers it.
        for (const QString &p1 : inc1) {
            if (p1 == p2)
                return false;
            if (isSubPath(p2, p1)) {
                skip = true;
                break;
            }
        }
        if (skip)
            continue;
        for (const QString &ex : *e1.effectiveExcludes) {
            if (isSubPath(joinPath(prefix1, ex), p2)) {
                skip = true;
                break;
            }
        }
        if (skip)
            continue;
        e1.effectiveExcludes->append(relativePath(e1.to, u'/' + p2));
    }
    return true;
}

} // namespace

Diagnostics validateImageNames(const WerfConfig &config)
{
    Diagnostics result;
    int stapelImages = 0;
    for (const StapelImage &i : config.images)
        stapelImages += i.artifact ? 0 : 1;
    QHash<QString, bool> imageNames;
    auto nameless = [&](const Span &at) {
        result << Diagnostic::error(QStringLiteral(
                                            "conflict between images names: a nameless image "
                                            "cannot be specified in the config with multiple "
                                            "images!"),
                                    at.location);
    };
    for (const StapelImage &i : config.images) {
        if (i.artifact)
            continue;
        if (i.name.isEmpty() && stapelImages > 1) {
            nameless(i.nameSpan);
            return result;
        }
        if (imageNames.contains(i.name)) {
            result << Diagnostic::error(QStringLiteral("conflict between images names!"),
                                        i.nameSpan.location);
            return result;
        }
        imageNames.insert(i.name, true);
    }
    for (const DockerfileImage &i : config.dockerfileImages) {
        if (i.name.isEmpty() && config.dockerfileImages.size() > 1) {
            nameless(i.nameSpan);
            return result;
        }
        if (imageNames.contains(i.name)) {
            result << Diagnostic::error(QStringLiteral("conflict between images names!"),
                                        i.nameSpan.location);
            return result;
        }
        imageNames.insert(i.name, true);
    }
    QHash<QString, bool> artifactNames;
    for (const StapelImage &i : config.images) {
        if (!i.artifact)
            continue;
        if (artifactNames.contains(i.name)) {
            result << Diagnostic::error(QStringLiteral("conflict between artifacts names!"),
                                        i.nameSpan.location);
            return result;
        }
        artifactNames.insert(i.name, true);
        if (imageNames.contains(i.name)) {
            result << Diagnostic::error(QStringLiteral(
                                                "conflict between image and artifact names!"),
                                        i.nameSpan.location);
            return result;
        }
    }
    return result;
}

Diagnostics autoExcludeExports(WerfConfig &config)
{
    Diagnostics result;
    for (StapelImage &image : config.images) {
        std::vector<Export> exports;
        for (bool remote : {false, true}) {
            for (GitMapping &git : image.git) {
                if (git.remote != remote)
                    continue;
                git.effectiveExcludePaths = git.excludePaths.value;
                exports.push_back({git.to.value,
                                   &git.includePaths.value,
                                   &git.effectiveExcludePaths,
                                   git.span});
            }
        }
        for (ImportConfig &imp : image.imports) {
            imp.effectiveExcludePaths = imp.excludePaths.value;
            exports.push_back(
                    {imp.to.value, &imp.includePaths.value, &imp.effectiveExcludePaths, imp.span});
        }
        bool conflict = false;
        for (size_t a = 0; a < exports.size() && !conflict; ++a) {
            for (size_t b = 0; b < exports.size(); ++b) {
                if (a == b)
                    continue;
                if (!autoExclude(exports[a], exports[b])) {
                    result << Diagnostic::error(QStringLiteral("Conflict between imports!"),
                                                exports[b].span.location);
                    conflict = true;
                    break;
                }
            }
        }
    }
    return result;
}

} // namespace Stagecraft::Model
