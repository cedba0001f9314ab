// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfilesignature.h"

#include "buildcontext.h"
#include "common/tr.h"
#include "dockerfileparser.h"
#include "git/gitworktree.h"
#include "git/gopath.h"
#include "hash.h"
#include "shellword.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Stagecraft::Model {

namespace {

using Env = QHash<QString, QString>;

struct Failure
{
    QString message;
    /** Not werf stopping but what Stagecraft does not reproduce (a context with submodules). */
    bool unsupported = false;
};

// werf's DockerStages: the build args, the global (meta) ARGs, and per Dockerfile stage the ARG
// and ENV values seen so far. The lookups follow werf, not Docker: a stage does not inherit the
// ENV of the stage it is built FROM, and a stage ARG beats an ENV of the same name.
class Evaluator
{
public:
    Evaluator(const Dockerfile::Parsed &parsed,
              const DockerfileSpec &spec,
              const BuildContext *context,
              QStringList &warnings)
        : m_parsed(parsed)
        , m_context(context)
        , m_warnings(warnings)
    {
        for (const auto &kv : spec.args)
            m_buildArgs.insert(kv.first, kv.second);
        m_stageArgs.resize(parsed.stages.size());
        m_stageEnvs.resize(parsed.stages.size());
    }

    QString expand(const QString &word, const Env &env)
    {
        QString error;
        const std::optional<QString> r = ShellWord::process(word, env, &error);
        if (!r)
            throw Failure{error, false};
        return *r;
    }

    void addMetaArgs()
    {
        for (const Dockerfile::Instruction &arg : m_parsed.metaArgs) {
            const QString key = expand(arg.key, m_meta);
            const auto build = m_buildArgs.constFind(key);
            m_meta.insert(key, build != m_buildArgs.cend() ? *build : expand(arg.value, m_meta));
        }
    }

    QString expandWithMeta(const QString &word) { return expand(word, m_meta); }

    Env argsAndEnvs(int stage) const
    {
        Env env = m_stageEnvs.at(stage);
        for (auto it = m_stageArgs.at(stage).cbegin(); it != m_stageArgs.at(stage).cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    struct Result
    {
        QStringList dependencies;
        QStringList onBuildDependencies;
    };

    // dockerfileInstructionDependencies
    Result instruction(int stage,
                       const Dockerfile::Instruction &ins,
                       bool isOnBuild,
                       bool isBaseImageOnBuild)
    {
        auto without = [&](const QString &v) { return isBaseImageOnBuild ? v : expand(v, Env()); };
        auto resolve = [&](const QString &v) {
            if (isBaseImageOnBuild)
                return v;
            return expand(v, isOnBuild ? m_stageEnvs.at(stage) : argsAndEnvs(stage));
        };
        auto sourcesChecksum = [&]() {
            QStringList sources;
            for (const QString &s : ins.sources())
                sources.append(resolve(s));
            return filesChecksum(sources);
        };

        Result r;
        const QString &cmd = ins.command;
        if (cmd == u"arg") {
            r.dependencies.append(ins.original);
            QString key;
            QString value;
            if (!isOnBuild) {
                const Env env = argsAndEnvs(stage);
                key = expand(ins.key, env);
                const auto build = m_buildArgs.constFind(key);
                if (build != m_buildArgs.cend())
                    value = *build;
                else if (ins.value.isEmpty())
                    value = m_meta.value(key);
                else
                    value = expand(ins.value, env);
                m_stageArgs[stage].insert(key, value);
            } else {
                key = resolve(ins.key);
                value = resolve(ins.value);
            }
            if (without(ins.key) != key || without(ins.value) != value)
                r.dependencies << key << value;
        } else if (cmd == u"env") {
            r.dependencies.append(ins.original);
            for (const auto &kv : ins.pairs) {
                QString key;
                QString value;
                if (!isOnBuild) {
                    const Env env = argsAndEnvs(stage);
                    key = expand(kv.first, env);
                    value = expand(kv.second, env);
                    m_stageEnvs[stage].insert(key, value);
                } else {
                    key = resolve(kv.first);
                    value = resolve(kv.second);
                }
                if (without(kv.first) != key || without(kv.second) != value)
                    r.dependencies << key << value;
            }
        } else if (cmd == u"add") {
            r.dependencies << ins.original << sourcesChecksum();
        } else if (cmd == u"copy") {
            r.dependencies.append(ins.original);
            if (ins.from.isEmpty())
                r.dependencies.append(sourcesChecksum());
        } else if (cmd == u"onbuild") {
            const Result trigger = onBuildInstruction(stage, ins.expression, false);
            r.dependencies += trigger.dependencies;
            r.onBuildDependencies += trigger.onBuildDependencies;
        } else {
            r.dependencies.append(ins.original);
            const QString resolved = resolve(ins.original);
            if (resolved != without(ins.original))
                r.dependencies.append(resolved);
        }
        return r;
    }

    // dockerfileOnBuildInstructionDependencies: the trigger's text, and its own dependencies.
    Result onBuildInstruction(int stage, const QString &expression, bool isBaseImageOnBuild)
    {
        QString error;
        const std::optional<Dockerfile::Instruction> ins = Dockerfile::parseLine(expression, &error);
        if (!ins)
            throw Failure{error, false};
        Result r;
        r.dependencies.append(expression);
        r.onBuildDependencies = instruction(stage, *ins, true, isBaseImageOnBuild).dependencies;
        return r;
    }

    QString filesChecksum(const QStringList &sources)
    {
        QString error;
        bool unsupported = false;
        const std::optional<QString> sum
                = m_context->filesChecksum(sources, &m_warnings, &error, &unsupported);
        if (!sum)
            throw Failure{error, unsupported};
        return *sum;
    }

private:
    const Dockerfile::Parsed &m_parsed;
    const BuildContext *m_context;
    QStringList &m_warnings;
    Env m_buildArgs;
    Env m_meta;
    QList<Env> m_stageArgs;
    QList<Env> m_stageEnvs;
};

bool isOutsideProject(const QString &relative)
{
    return relative.isNull() || relative == u".." || relative.startsWith(u"../");
}

QString goJoin(const QString &a, const QString &b)
{
    return QString::fromUtf8(GoPath::join({a.toUtf8(), b.toUtf8()}));
}

QString goRel(const QString &base, const QString &target)
{
    const QByteArray r = GoPath::rel(base.toUtf8(), target.toUtf8());
    return r.isNull() ? QString() : QString::fromUtf8(r);
}

} // namespace

DockerfileDependencies dockerfileDependencies(const DockerfileSpec &spec,
                                              const QHash<QString, QStringList> &onBuild)
{
    return dockerfileDependencies(spec, onBuild, nullptr);
}

DockerfileDependencies dockerfileDependencies(const DockerfileSpec &spec,
                                              const QHash<QString, QStringList> &onBuild,
                                              GitWorkTree *workTree)
{
    DockerfileDependencies result;
    result.computation = Computation::Computed;
    auto fail = [&result](const QString &message) {
        result.computation = Computation::NotComputed;
        result.reason = Tr::tr("werf stops here: %1").arg(message);
        return result;
    };

    // prepareImageBasedOnImageFromDockerfile: context and Dockerfile inside the project.
    const QString projectDir = QString::fromUtf8(GoPath::clean(spec.projectDir.toUtf8()));
    const QString contextDir = goJoin(projectDir, spec.context);
    const QString relContext = goRel(projectDir, contextDir);
    if (isOutsideProject(relContext)) {
        return fail(QStringLiteral("unsupported context folder %1.\nOnly context folder "
                                   "specified inside project directory %2 supported")
                            .arg(contextDir, projectDir));
    }
    if (!QFileInfo(contextDir).isDir())
        return fail(QStringLiteral("context folder %1 is not found").arg(contextDir));
    const QString dockerfilePath = goJoin(projectDir, spec.dockerfile);
    const QString relDockerfile = goRel(projectDir, dockerfilePath);
    if (relDockerfile == u"." || isOutsideProject(relDockerfile)) {
        return fail(QStringLiteral("unsupported dockerfile %1.\n Only dockerfile specified inside "
                                   "project directory %2 supported")
                            .arg(dockerfilePath, projectDir));
    }
    QFile file(dockerfilePath);
    if (!QFileInfo(dockerfilePath).isFile() || !file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("dockerfile %1 is not found").arg(dockerfilePath));
    result.dockerfileText = file.readAll();

    QFile ignoreFile(QDir(contextDir).filePath(QStringLiteral(".dockerignore")));
    if (ignoreFile.open(QIODevice::ReadOnly))
        result.dockerignoreText = ignoreFile.readAll();
    QString error;
    const std::optional<DockerIgnore> ignore = DockerIgnore::fromText(result.dockerignoreText,
                                                                      &error);
    if (!ignore)
        return fail(error);

    const Dockerfile::Parsed parsed = Dockerfile::parse(result.dockerfileText);
    if (!parsed.ok())
        return fail(parsed.error);

    // resolveDockerStagesFromValue: COPY --from=<name> becomes the index of an earlier stage.
    QList<QList<int>> copyFrom(parsed.stages.size());
    {
        QHash<QString, int> nameToIndex;
        for (int i = 0; i < parsed.stages.size(); ++i) {
            const Dockerfile::Stage &stage = parsed.stages.at(i);
            if (stage.name != QString::number(i))
                nameToIndex.insert(stage.name, i);
            for (const Dockerfile::Instruction &ins : stage.commands) {
                if (ins.command != u"copy" || ins.from.isEmpty())
                    continue;
                const QString from = ins.from.toLower();
                bool numeric = false;
                int index = -1;
                if (nameToIndex.contains(from)) {
                    index = nameToIndex.value(from);
                    numeric = true;
                } else {
                    index = from.toInt(&numeric);
                }
                if (numeric && index >= 0 && index < parsed.stages.size())
                    copyFrom[i].append(index);
            }
        }
    }

    int target = int(parsed.stages.size()) - 1;
    if (!spec.target.isEmpty()) {
        target = -1;
        for (int i = 0; i < parsed.stages.size(); ++i) {
            if (parsed.stages.at(i).name == spec.target) {
                target = i;
                break;
            }
        }
        if (target < 0)
            return fail(QStringLiteral("%1 is not a valid target build stage").arg(spec.target));
    }

    std::optional<GitWorkTree> ownWorkTree;
    if (spec.inGitRepository && !workTree)
        workTree = &ownWorkTree.emplace(projectDir);
    const BuildContext context(projectDir,
                               contextDir,
                               *ignore,
                               spec.inGitRepository ? workTree : nullptr);
    Evaluator evaluator(parsed, spec, &context, result.warnings);

    try {
        evaluator.addMetaArgs();

        // FetchDependencies: the ONBUILD triggers of every external base (not another stage,
        // not scratch) come from docker or the registry.
        QStringList missing;
        for (int i = 0; i < parsed.stages.size(); ++i) {
            const Dockerfile::Stage &stage = parsed.stages.at(i);
            bool internal = false;
            for (int j = 0; j < parsed.stages.size(); ++j) {
                if (j != i && stage.baseName == parsed.stages.at(j).name)
                    internal = true;
            }
            if (internal)
                continue;
            const QString base = evaluator.expandWithMeta(stage.baseName);
            if (base == u"scratch" || result.externalBases.contains(base))
                continue;
            result.externalBases.append(base);
            if (!onBuild.contains(base))
                missing.append(base);
        }
        if (!missing.isEmpty()) {
            result.computation = Computation::NeedsRegistry;
            result.reason = Tr::tr("needs registry: werf hashes the ONBUILD instructions of the "
                                   "base image %1, read from docker or the registry")
                                    .arg(missing.join(QStringLiteral(", ")));
            return result;
        }

        QList<QStringList> dependencies;
        QList<QStringList> onBuildDependencies;
        for (int i = 0; i < parsed.stages.size(); ++i) {
            const Dockerfile::Stage &stage = parsed.stages.at(i);
            QStringList list = spec.addHost;
            const QString base = evaluator.expandWithMeta(stage.baseName);
            list.append(base);
            const auto triggers = onBuild.constFind(base);
            if (result.externalBases.contains(base) && triggers != onBuild.cend()) {
                for (const QString &trigger : *triggers)
                    list += evaluator.onBuildInstruction(i, trigger, true).onBuildDependencies;
            }
            QStringList onBuildList;
            for (const Dockerfile::Instruction &ins : stage.commands) {
                const Evaluator::Result r = evaluator.instruction(i, ins, false, false);
                list += r.dependencies;
                onBuildList += r.onBuildDependencies;
            }
            dependencies.append(list);
            onBuildDependencies.append(onBuildList);
        }
        // The lists of the stages a stage builds on or copies from, in werf's order (a list
        // that was extended earlier in this loop is taken extended).
        for (int i = 0; i < parsed.stages.size(); ++i) {
            for (int j = 0; j < parsed.stages.size(); ++j) {
                if (i != j && parsed.stages.at(i).baseName == parsed.stages.at(j).name) {
                    dependencies[i] += dependencies.at(j);
                    dependencies[i] += onBuildDependencies.at(j);
                }
            }
            for (const int from : copyFrom.at(i))
                dependencies[i] += dependencies.at(from);
        }
        result.list = dependencies.at(target);
    } catch (const Failure &f) {
        if (!f.unsupported)
            return fail(f.message);
        result.computation = Computation::NotComputed;
        result.reason = f.message;
        return result;
    }
    result.dependencies = Hash::h256(result.list);
    return result;
}

} // namespace Stagecraft::Model
