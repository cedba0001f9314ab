// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildahimagebuilder.h"

#include "common/tr.h"
#include "git/gitrepository.h"
#include "git/gittree.h"
#include "git/pathmatcher.h"
#include "models/dockerfilestages.h"
#include "signature/stageimage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QUuid>

namespace Stagecraft::Model {

namespace {

QString chownValue(const QString &owner, const QString &group)
{
    if (owner.isEmpty() && group.isEmpty())
        return {};
    return (owner.isEmpty() ? QStringLiteral("0") : owner)
           + (group.isEmpty() ? QString() : u':' + group);
}

/** werf's build_dir mount folder name: the mount point as one path component. */
QString mountSlug(const QString &to)
{
    QString slug = to;
    slug.replace(u'/', u'-');
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    return slug.isEmpty() ? QStringLiteral("root") : slug;
}

QList<QByteArray> toUtf8List(const QStringList &list)
{
    QList<QByteArray> result;
    result.reserve(list.size());
    for (const QString &s : list)
        result.append(s.toUtf8());
    return result;
}

/** Feeds one length-prefixed field into a hash, so that fields cannot run into each other. */
void addField(QCryptographicHash &hash, const QByteArray &field)
{
    hash.addData(QByteArray(QByteArray::number(field.size()) + ':'));
    hash.addData(field);
}

/**
 * werf's slug.Slug() for the names it leaves as they are: non-empty, shorter than 42 characters,
 * only [a-z0-9-] with no leading, trailing or doubled '-'. Other names werf transliterates and
 * suffixes with a murmur hash, which is not reproduced: an empty result.
 */
QString werfSlug(const QString &name)
{
    if (name.isEmpty() || name.size() >= 42 || name.startsWith(u'-') || name.endsWith(u'-')
        || name.contains(QStringLiteral("--")))
        return {};
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'))
            return {};
    }
    return name;
}

} // namespace

BuildahImageBuilder::BuildahImageBuilder(BuildSession &session, const ImagePlan &plan)
    : m_session(session)
    , m_plan(plan)
    , m_key(BuildSession::key(plan.kind, plan.name))
{
    const int index = session.input.indexOf(plan.name, plan.kind == ImageKind::Artifact);
    if (index >= 0)
        m_input = &session.input.images.at(index);
    if (m_input) {
        for (const GitMappingParams &m : m_input->git) {
            if (m.isLocal() && !session.project.projectDir.isEmpty()) {
                m_git.setProjectRepository(session.project.projectDir);
                break;
            }
        }
        for (const GitMappingParams &m : m_input->git) {
            if (!m.isLocal() && session.remoteClones.contains(m.url))
                m_git.setRemoteRepository(m.url, session.remoteClones.value(m.url));
        }
    }
}

QString BuildahImageBuilder::repositoryPath(const GitMappingParams &mapping) const
{
    return mapping.isLocal() ? m_session.project.projectDir
                             : m_session.remoteClones.value(mapping.url);
}

QString BuildahImageBuilder::uniqueName(const QString &prefix) const
{
    // werf's container names: werf.build.<10 random [0-9a-z]> (reference §6.1).
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString name = prefix;
    for (int i = 0; i < 10; ++i)
        name += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return name;
}

void BuildahImageBuilder::output(const QString &stage, const QString &line)
{
    BuildEvent event;
    event.kind = BuildEvent::Kind::Output;
    event.image = m_plan.displayName();
    event.stage = stage;
    event.text = line;
    m_session.emitEvent(event);
}

QString BuildahImageBuilder::fail(const QString &message)
{
    if (m_failure.message.isEmpty())
        m_failure.message = message;
    return message;
}

bool BuildahImageBuilder::run(const QString &program,
                              const QStringList &arguments,
                              const QString &stage,
                              const QString &workingDirectory,
                              QByteArray *output,
                              const QProcessEnvironment &environment)
{
    ProcessSpec spec;
    spec.program = program;
    spec.arguments = arguments;
    spec.workingDirectory = workingDirectory;
    spec.environment = environment;
    spec.captureOutput = output != nullptr;
    spec.onLine = [this, stage](const QString &line) { this->output(stage, line); };
    const ProcessResult result = runProcess(spec, m_session.cancellation);
    if (output)
        *output = result.standardOutput;
    if (result.ok())
        return true;
    if (result.cancelled)
        return false;
    m_failure.exitCode = result.exitCode;
    m_failure.lastOutput = result.lastLines;
    if (!result.started)
        fail(Tr::tr("cannot run %1: %2").arg(program, result.errorString));
    else if (result.crashed)
        fail(Tr::tr("%1 %2 was killed").arg(program, arguments.value(0)));
    else
        fail(Tr::tr("%1 %2 failed with exit code %3")
                     .arg(program, arguments.value(0))
                     .arg(result.exitCode));
    return false;
}

bool BuildahImageBuilder::buildah(const QStringList &arguments,
                                  const QString &stage,
                                  QByteArray *output)
{
    // Only the stage's commands (buildah run) are the stage's output; the other subcommands
    // print ids and names.
    QByteArray ignored;
    if (!output && arguments.value(0) != u"run")
        output = &ignored;
    return run(m_session.options.buildahProgram,
               m_session.buildahArguments(arguments),
               stage,
               {},
               output);
}

void BuildahImageBuilder::cleanup(const QStringList &command)
{
    // Runs even after a cancel: a cancellation of its own, nothing reported.
    BuildCancellation own;
    ProcessSpec spec;
    spec.program = m_session.options.buildahProgram;
    spec.arguments = m_session.buildahArguments(command);
    spec.captureOutput = true;
    runProcess(spec, own);
}

void BuildahImageBuilder::cleanupContainer(const QString &container)
{
    cleanup({QStringLiteral("rm"), container});
}

QStringList BuildahImageBuilder::fromArguments(const QString &container, const QString &image) const
{
    QStringList arguments{QStringLiteral("from")};
    if (m_session.registryStorage && image.startsWith(m_session.registryRepository + u':')) {
        // A stage image of the registry: pulled when it is not local yet; its tag never moves,
        // so a local copy is never out of date.
        arguments << QStringLiteral("--pull=false") << QStringLiteral("--quiet")
                  << m_session.registryArguments;
    }
    arguments << QStringLiteral("--name") << container << image;
    return arguments;
}

QString BuildahImageBuilder::stageImageName(const QString &signature) const
{
    const qint64 uniqueId = StageImage::generateUniqueId();
    return m_session.registryStorage
                   ? StageImage::repoName(m_session.registryRepository, signature, uniqueId)
                   : StageImage::localName(m_session.plan.project, signature, uniqueId);
}

bool BuildahImageBuilder::pushStage(const QString &name, const QString &stage)
{
    if (!m_session.registryStorage)
        return true;
    QStringList arguments{QStringLiteral("push"), QStringLiteral("--quiet")};
    arguments << m_session.registryArguments << name << u"docker://" + name;
    if (buildah(arguments, stage))
        return true;
    // Not in the registry, so not stored: the local copy goes too, or a later build would take
    // a stage the storage does not have.
    cleanup({QStringLiteral("rmi"), name});
    if (!m_session.cancellation.isCancelled())
        m_failure.message = Tr::tr("%1/%2: cannot push %3 to the stages storage: %4")
                                    .arg(m_plan.displayName(), stage, name, m_failure.message);
    return false;
}

QString BuildahImageBuilder::imageId(const QString &image, const QString &stage)
{
    QByteArray out;
    if (!buildah({QStringLiteral("inspect"),
                  QStringLiteral("--type"),
                  QStringLiteral("image"),
                  QStringLiteral("--format"),
                  QStringLiteral("{{.FromImageID}}"),
                  image},
                 stage,
                 &out))
        return {};
    QString id = QString::fromUtf8(out).trimmed();
    if (id.startsWith(u"sha256:"))
        id = id.mid(7);
    return id;
}

QString BuildahImageBuilder::mountContainer(const QString &container, const QString &stage)
{
    QByteArray out;
    if (!buildah({QStringLiteral("mount"), container}, stage, &out))
        return {};
    return QString::fromUtf8(out).trimmed();
}

QStringList BuildahImageBuilder::mountArguments()
{
    if (m_mountsReady)
        return m_mountArguments;
    m_mountsReady = true;
    if (!m_input)
        return {};
    int n = 0;
    for (const SignatureInput::Mount &m : m_input->mounts) {
        QString host;
        if (m.type == u"tmp_dir") {
            host = m_session.temporaryDirectory + u"/mounts/" + QString::number(qHash(m_key)) + u'/'
                   + QString::number(n++);
        } else if (m.type == u"build_dir") {
            host = m_session.buildDirRoot + u'/' + m_session.plan.project + u'/' + mountSlug(m.to);
        } else {
            host = m.fromPath;
            if (host.startsWith(u"~/"))
                host = QDir::homePath() + host.mid(1);
            if (QDir::isRelativePath(host))
                host = QDir(m_session.project.projectDir).absoluteFilePath(host);
        }
        QDir().mkpath(host);
        m_mountArguments << QStringLiteral("--volume") << host + u':' + m.to;
    }
    return m_mountArguments;
}

bool BuildahImageBuilder::runCommands(const QString &container, const StagePlan &stage)
{
    const SignatureInput::UserStage *user = m_input->builder.stage(stage.id);
    QString script;
    if (user) {
        for (const QString &command : user->items)
            script += command + u'\n';
    }
    if (script.isEmpty())
        script = QStringLiteral("true"); // a stage that exists only through its cacheVersion
    // -e: stop at the first failing command, as werf's shell script does. Stages run as root in /,
    // whatever USER and WORKDIR the image has (werf: --user=0:0 --workdir=/).
    QStringList arguments{QStringLiteral("run"),
                          QStringLiteral("--isolation"),
                          QStringLiteral("chroot"),
                          QStringLiteral("--user"),
                          QStringLiteral("0:0"),
                          QStringLiteral("--workingdir"),
                          QStringLiteral("/")};
    arguments << mountArguments();
    arguments << container << QStringLiteral("--") << QStringLiteral("/bin/sh")
              << QStringLiteral("-e") << QStringLiteral("-c") << script;
    if (buildah(arguments, stage.name))
        return true;
    if (!m_session.cancellation.isCancelled())
        m_failure.message = Tr::tr("%1/%2: the stage's commands failed with exit code %3")
                                    .arg(m_plan.displayName(), stage.name)
                                    .arg(m_failure.exitCode);
    return false;
}

bool BuildahImageBuilder::addArchive(const QString &container,
                                     const QString &archive,
                                     const QString &to,
                                     const QString &owner,
                                     const QString &group,
                                     const QString &stage)
{
    const QString chown = chownValue(owner, group);
    if (chown.isEmpty()) // the archive's own owners (git: root; imports: the source's)
        return buildah({QStringLiteral("add"), container, archive, to}, stage);
    // buildah add keeps an archive's owners whatever --chown says, so the files are unpacked
    // on the host and copied, which does apply it.
    const QString staging = archive + QStringLiteral(".d");
    if (!QDir().mkpath(staging)) {
        fail(Tr::tr("cannot create %1").arg(staging));
        return false;
    }
    if (!run(QStringLiteral("tar"),
             {QStringLiteral("-x"), QStringLiteral("-f"), archive, QStringLiteral("-C"), staging},
             stage))
        return false;
    return buildah({QStringLiteral("copy"), QStringLiteral("--chown"), chown, container, staging, to},
                   stage);
}

bool BuildahImageBuilder::copyGitFile(const QString &container,
                                      const GitRepository &repository,
                                      const GitTreeEntry &entry,
                                      const GitMappingParams &mapping,
                                      const QString &stage)
{
    const QString file = m_session.temporaryDirectory + u"/git-"
                         + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QByteArray content;
    if (!run(m_session.options.gitProgram,
             {QStringLiteral("cat-file"),
              QStringLiteral("blob"),
              QString::fromLatin1(entry.objectId)},
             stage,
             repository.path(),
             &content))
        return false;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size()) {
        fail(Tr::tr("cannot write %1: %2").arg(file, out.errorString()));
        return false;
    }
    out.close();
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                     | QFile::ReadOther;
    if (entry.mode == "100755")
        permissions |= QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    out.setPermissions(permissions);
    QStringList arguments{QStringLiteral("copy")};
    const QString chown = chownValue(mapping.owner, mapping.group);
    if (!chown.isEmpty())
        arguments << QStringLiteral("--chown") << chown;
    arguments << container << file << mapping.to;
    return buildah(arguments, stage);
}

bool BuildahImageBuilder::gitArchive(const QString &container, const StagePlan &stage)
{
    int n = 0;
    for (const GitMappingParams &m : m_input->git) {
        const GitContext::MappingState state = m_git.state(m);
        if (!state.isValid()) {
            fail(state.error);
            return false;
        }
        // The project's repository, or the bare clone of a remote one (BuildWorker made it).
        const GitRepository repository(repositoryPath(m), m_session.options.gitProgram);
        const QString commit = stage.gitCommits.value(m.paramshash(), state.commit);
        std::optional<GitTree> other;
        const GitTree *tree = state.tree;
        if (commit != state.commit) {
            QString error;
            other = repository.tree(commit, &error);
            if (!other) {
                fail(error);
                return false;
            }
            tree = &*other;
        }
        const QByteArray base = m.basePath();
        const QString file = m_session.temporaryDirectory + u"/git-"
                             + QUuid::createUuid().toString(QUuid::WithoutBraces);
        ++n;
        if (StageImage::gitArchiveType(m, *tree) == u"file") {
            if (!copyGitFile(container, repository, *tree->entry(base), m, stage.name))
                return false;
            continue;
        }
        const PathMatcher matcher = m.matcher();
        const QList<GitTreeEntry> entries = tree->lsTree(matcher);
        if (entries.isEmpty())
            continue;
        QStringList arguments{QStringLiteral("archive"),
                              QStringLiteral("--format=tar"),
                              QStringLiteral("-o"),
                              file + QStringLiteral(".tar"),
                              base.isEmpty() ? commit : commit + u':' + QString::fromUtf8(base)};
        const bool whole = entries.size() == 1 && entries.first().path == base;
        if (!whole) {
            arguments << QStringLiteral("--");
            for (const GitTreeEntry &e : entries)
                arguments << QString::fromUtf8(matcher.trimBasePath(e.path));
        }
        // Pathspecs are relative to the tree-ish, so git must not run in a subdirectory (a bare
        // clone has none).
        QByteArray topLevel = repository.path().toUtf8();
        if (m.isLocal()
            && !run(m_session.options.gitProgram,
                    {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")},
                    stage.name,
                    repository.path(),
                    &topLevel))
            return false;
        if (!run(m_session.options.gitProgram,
                 arguments,
                 stage.name,
                 QString::fromUtf8(topLevel).trimmed()))
            return false;
        if (!addArchive(container, file + QStringLiteral(".tar"), m.to, m.owner, m.group, stage.name))
            return false;
    }
    return true;
}

bool BuildahImageBuilder::applyPatches(const QString &container,
                                       const StagePlan &stage,
                                       const QHash<QString, QString> &previousCommits)
{
    if (!m_input)
        return true;
    QString root;
    for (const GitMappingParams &m : m_input->git) {
        const QString ph = m.paramshash();
        const QString from = previousCommits.value(ph);
        const QString to = stage.gitCommits.value(ph);
        if (from.isEmpty() || to.isEmpty() || from == to)
            continue;
        QString error;
        const std::optional<QByteArray> patch = m_git.patchContent(m, from, to, &error);
        if (!patch) {
            fail(error);
            return false;
        }
        if (patch->isEmpty())
            continue;
        // A single-file mapping (`add` names a file): the patch's paths are relative to the
        // file itself, so instead of applying it the file at the new commit replaces the old
        // one (or is removed when the commit no longer has it). The result is the same file.
        const GitRepository repository(repositoryPath(m), m_session.options.gitProgram);
        const std::optional<GitTree> fromTree = repository.tree(from, &error);
        const std::optional<GitTree> toTree = fromTree ? repository.tree(to, &error) : std::nullopt;
        if (!toTree) {
            fail(error);
            return false;
        }
        if (StageImage::gitArchiveType(m, *fromTree) == u"file"
            || StageImage::gitArchiveType(m, *toTree) == u"file") {
            const GitTreeEntry *entry = toTree->entry(m.basePath());
            if (entry && !entry->isTree() && !entry->isSubmodule()) {
                if (!copyGitFile(container, repository, *entry, m, stage.name))
                    return false;
                continue;
            }
            if (root.isEmpty()) {
                root = mountContainer(container, stage.name);
                if (root.isEmpty())
                    return false;
            }
            QFile::remove(root + m.to);
            continue;
        }
        if (root.isEmpty()) {
            root = mountContainer(container, stage.name);
            if (root.isEmpty())
                return false;
        }
        const QString file = m_session.temporaryDirectory + u"/patch-"
                             + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(*patch) != patch->size()) {
            fail(Tr::tr("cannot write %1: %2").arg(file, out.errorString()));
            return false;
        }
        out.close();
        const QString directory = root + m.to;
        QDir().mkpath(directory);
        // The patch's paths are relative to `add` (werf's diff parser), so it applies in `to`;
        // the ceiling keeps git from taking a repository around the storage for the target.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GIT_CEILING_DIRECTORIES"), root);
        if (!run(m_session.options.gitProgram,
                 {QStringLiteral("apply"), QStringLiteral("--whitespace=nowarn"), file},
                 stage.name,
                 directory,
                 nullptr,
                 environment))
            return false;
    }
    return true;
}

bool BuildahImageBuilder::importOne(const QString &container,
                                    const SignatureInput::Import &import,
                                    const QString &stage)
{
    QString sourceKey = BuildSession::key(import.fromArtifact ? ImageKind::Artifact
                                                              : ImageKind::Image,
                                          import.source);
    if (!import.fromArtifact && m_session.lastImage(sourceKey).isEmpty())
        sourceKey = BuildSession::key(ImageKind::Dockerfile, import.source);
    QString sourceImage = import.stage.isEmpty() ? QString()
                                                 : m_session.stageImage(sourceKey, import.stage);
    if (sourceImage.isEmpty())
        sourceImage = m_session.lastImage(sourceKey); // werf's fallback to the last stage
    if (sourceImage.isEmpty()) {
        fail(Tr::tr("import from %1: that image has not been built").arg(import.source));
        return false;
    }
    const QString source = uniqueName(QStringLiteral("werf.import."));
    QByteArray ignored; // the container name
    if (!buildah(fromArguments(source, sourceImage), stage, &ignored))
        return false;
    const auto finish = [&](bool ok) {
        cleanupContainer(source);
        return ok;
    };
    // After `buildah from`: a stage of a registry storage is local only from then on.
    // werf-import-<slug(source)>: the image ID of the stage imported from (reference §6.5).
    const QString slug = werfSlug(import.source);
    if (slug.isEmpty()) {
        output(stage,
               Tr::tr("note: no werf-import label for %1: werf's slug of that name (with its "
                      "murmur hash) is not computed")
                       .arg(import.source));
    } else {
        const QString id = imageId(sourceImage, stage);
        if (id.isEmpty())
            return finish(false);
        m_stageLabels.insert(u"werf-import-" + slug, u"sha256:" + id);
    }
    const QString root = mountContainer(source, stage);
    if (root.isEmpty())
        return finish(false);
    const QString base = root + import.add;
    const QFileInfo info(base);
    if (!info.exists() && !info.isSymLink()) {
        fail(Tr::tr("import from %1: %2 does not exist in %3")
                     .arg(import.source, import.add, sourceImage));
        return finish(false);
    }
    const QString archive = m_session.temporaryDirectory + u"/import-"
                            + QUuid::createUuid().toString(QUuid::WithoutBraces) + u".tar";
    if (!info.isDir() || info.isSymLink()) {
        QStringList arguments{QStringLiteral("copy")};
        const QString chown = chownValue(import.owner, import.group);
        if (!chown.isEmpty())
            arguments << QStringLiteral("--chown") << chown;
        arguments << container << base << import.to;
        return finish(buildah(arguments, stage));
    }
    QStringList tarArguments{QStringLiteral("-C"), base, QStringLiteral("-cf"), archive};
    if (import.includePaths.isEmpty() && import.excludePaths.isEmpty()) {
        tarArguments << QStringLiteral(".");
    } else {
        // werf's path matcher over the source tree, with the paths relative to the image root.
        const QByteArray basePath = import.add.mid(1).toUtf8();
        const PathMatcher matcher(basePath,
                                  toUtf8List(import.includePaths),
                                  toUtf8List(import.excludePaths));
        QByteArray list;
        QDirIterator it(base,
                        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo entry = it.fileInfo();
            if (entry.isDir() && !entry.isSymLink())
                continue;
            const QString relative = path.mid(base.size() + 1);
            const QByteArray fromRoot = basePath.isEmpty() ? relative.toUtf8()
                                                           : basePath + '/' + relative.toUtf8();
            if (matcher.matchPath(fromRoot))
                list += relative.toUtf8() + '\0';
        }
        const QString listFile = archive + u".list";
        QFile out(listFile);
        if (!out.open(QIODevice::WriteOnly) || out.write(list) != list.size()) {
            fail(Tr::tr("cannot write %1: %2").arg(listFile, out.errorString()));
            return finish(false);
        }
        out.close();
        tarArguments << QStringLiteral("--null") << QStringLiteral("--no-recursion")
                     << QStringLiteral("-T") << listFile;
    }
    if (!run(QStringLiteral("tar"), tarArguments, stage))
        return finish(false);
    return finish(addArchive(container, archive, import.to, import.owner, import.group, stage));
}

bool BuildahImageBuilder::imports(const QString &container, const StagePlan &stage)
{
    for (const SignatureInput::Import &import : m_input->imports) {
        if (import.slot == stage.id && !importOne(container, import, stage.name))
            return false;
    }
    return true;
}

bool BuildahImageBuilder::buildStage(const StagePlan &stage,
                                     const QHash<QString, QString> &previousCommits,
                                     const QString &fromImage,
                                     QString *imageName,
                                     QString *imageId)
{
    m_stageLabels.clear();
    const QString container = uniqueName(QStringLiteral("werf.build."));
    QByteArray ignored; // buildah from prints the container name
    if (!buildah(fromArguments(container, fromImage), stage.name, &ignored))
        return false;

    bool ok = true;
    QStringList config{QStringLiteral("config")};
    switch (stage.id) {
    case StageId::From:
        if (!m_input->mounts.isEmpty()) {
            // werf empties the mount points, so that nothing from the base hides a mount.
            QString script = QStringLiteral("rm -rf");
            for (const SignatureInput::Mount &m : m_input->mounts)
                script += u" '" + QString(m.to).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
            ok = buildah({QStringLiteral("run"),
                          QStringLiteral("--isolation"),
                          QStringLiteral("chroot"),
                          QStringLiteral("--user"),
                          QStringLiteral("0:0"),
                          container,
                          QStringLiteral("--"),
                          QStringLiteral("/bin/sh"),
                          QStringLiteral("-c"),
                          script},
                         stage.name);
        }
        break;
    case StageId::BeforeInstall:
    case StageId::Install:
    case StageId::BeforeSetup:
    case StageId::Setup:
        ok = applyPatches(container, stage, previousCommits) && runCommands(container, stage);
        break;
    case StageId::ImportsBeforeInstall:
    case StageId::ImportsAfterInstall:
    case StageId::ImportsBeforeSetup:
    case StageId::ImportsAfterSetup:
        ok = imports(container, stage);
        break;
    case StageId::GitArchive:
        ok = gitArchive(container, stage);
        break;
    case StageId::GitCache:
    case StageId::GitLatestPatch:
        ok = applyPatches(container, stage, previousCommits);
        break;
    case StageId::DockerInstructions: {
        const SignatureInput::Docker &d = m_input->docker;
        for (const QString &v : d.volume)
            config << QStringLiteral("--volume") << v;
        for (const QString &p : d.expose)
            config << QStringLiteral("--port") << p;
        for (const auto &[k, v] : d.env)
            config << QStringLiteral("--env") << k + u'=' + v;
        for (const auto &[k, v] : d.label)
            config << QStringLiteral("--label") << k + u'=' + v;
        if (!d.cmd.isEmpty())
            config << QStringLiteral("--cmd") << d.cmd;
        if (!d.entrypoint.isEmpty())
            config << QStringLiteral("--entrypoint") << d.entrypoint;
        if (!d.workdir.isEmpty())
            config << QStringLiteral("--workingdir") << d.workdir;
        if (!d.user.isEmpty())
            config << QStringLiteral("--user") << d.user;
        if (!d.healthcheck.isEmpty())
            config << QStringLiteral("--healthcheck") << d.healthcheck;
        break;
    }
    case StageId::Dockerfile:
        break;
    }
    if (!ok) {
        cleanupContainer(container);
        return false;
    }

    StageImage::LabelContext context;
    context.project = m_session.plan.project;
    context.temporaryImageName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    context.projectRepoCommit = m_session.projectRepoCommit;
    for (const GitMappingParams &m : m_input->git) {
        const GitContext::MappingState state = m_git.state(m);
        if (state.isValid())
            context.gitArchiveTypes.insert(m.paramshash(),
                                           StageImage::gitArchiveType(m, *state.tree));
    }
    QMap<QString, QString> labels = StageImage::labels(*m_input, stage, context);
    labels.insert(m_stageLabels);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        config << QStringLiteral("--label") << it.key() + u'=' + it.value();
    config << container;
    if (!buildah(config, stage.name)) {
        cleanupContainer(container);
        return false;
    }

    const QString name = stageImageName(stage.signature);
    QByteArray out;
    if (!buildah({QStringLiteral("commit"),
                  QStringLiteral("--format"),
                  QStringLiteral("docker"),
                  QStringLiteral("--quiet"),
                  QStringLiteral("--rm"),
                  container,
                  name},
                 stage.name,
                 &out)) {
        // A commit cut short may still have stored the image: nothing may stay of the stage.
        cleanupContainer(container);
        cleanup({QStringLiteral("rmi"), name});
        return false;
    }
    if (!pushStage(name, stage.name))
        return false;
    *imageName = name;
    *imageId = QString::fromUtf8(out).trimmed();
    return true;
}

BuildahImageBuilder::Result BuildahImageBuilder::run()
{
    BuildEvent started;
    started.kind = BuildEvent::Kind::ImageStarted;
    started.image = m_plan.displayName();
    started.role = m_plan.kind == ImageKind::Artifact ? BuildEvent::ImageRole::Artifact
                                                      : BuildEvent::ImageRole::Image;
    m_session.emitEvent(started);
    QElapsedTimer timer;
    timer.start();
    const Result result = m_plan.kind == ImageKind::Dockerfile ? runDockerfile() : runStapel();
    BuildEvent finished;
    finished.kind = BuildEvent::Kind::ImageFinished;
    finished.image = m_plan.displayName();
    finished.role = started.role;
    finished.durationMs = timer.elapsed();
    finished.failed = result != Result::Succeeded;
    finished.result = result == Result::Succeeded ? QStringLiteral("succeeded")
                      : result == Result::Failed  ? QStringLiteral("failed")
                                                  : QStringLiteral("cancelled");
    m_session.emitEvent(finished);
    return result;
}

BuildahImageBuilder::Result BuildahImageBuilder::runStapel()
{
    const QString image = m_plan.displayName();
    const auto failed = [&](const QString &stage, qint64 durationMs) {
        BuildEvent event;
        event.kind = BuildEvent::Kind::StageFailed;
        event.image = image;
        event.stage = stage;
        event.failed = true;
        event.durationMs = durationMs;
        event.exitCode = m_failure.exitCode;
        event.text = m_failure.message;
        event.lastOutput = m_failure.lastOutput;
        m_session.emitEvent(event);
        return Result::Failed;
    };
    if (!m_input)
        return failed(QStringLiteral("from"), -1);

    QString base = m_input->from;
    if (!m_input->fromImage.isEmpty()) {
        QString key = BuildSession::key(m_input->fromImageArtifact ? ImageKind::Artifact
                                                                   : ImageKind::Image,
                                        m_input->fromImage);
        if (m_session.lastImage(key).isEmpty() && !m_input->fromImageArtifact)
            key = BuildSession::key(ImageKind::Dockerfile, m_input->fromImage);
        base = m_session.lastImage(key);
        if (base.isEmpty()) {
            fail(Tr::tr("%1: the image %2 it is based on has not been built")
                         .arg(image, m_input->fromImage));
            return failed(QStringLiteral("from"), -1);
        }
    }

    QString previousImage = base;
    // The commits the previous stage image carries (werf-git-*-commit labels are inherited by
    // the stages that do not apply a patch themselves).
    QHash<QString, QString> previousCommits;
    const auto carry = [&previousCommits](const StagePlan &stage) {
        for (auto it = stage.gitCommits.cbegin(); it != stage.gitCommits.cend(); ++it)
            previousCommits.insert(it.key(), it.value());
    };
    for (const StagePlan &stage : m_plan.stages) {
        if (stage.empty)
            continue;
        if (!stage.hasSignature()) {
            fail(Tr::tr("%1/%2: no werf 1.1 signature, so it cannot be stored: %3")
                         .arg(image, stage.name, stage.reason));
            return failed(stage.name, -1);
        }
        // Another image of this build may be storing the same stage right now (werf's lock per
        // signature): wait for it and take what it stored.
        std::unique_lock<std::mutex> signatureLock = m_session.lockSignature(stage.signature);
        QString stored = stage.cache == CacheStatus::Cached ? m_session.cachedImage(stage)
                                                            : QString();
        if (stored.isEmpty())
            stored = m_session.storedImage(stage.signature);
        if (!stored.isEmpty()) {
            const QString &name = stored;
            BuildEvent event;
            event.kind = BuildEvent::Kind::StageCached;
            event.image = image;
            event.stage = stage.name;
            event.signature = stage.signature;
            event.imageName = name;
            m_session.emitEvent(event);
            m_session.setStageImage(m_key, stage.name, name);
            m_session.stageDone(image, stage.name, -1);
            previousImage = name;
            carry(stage);
            continue;
        }
        BuildEvent startedEvent;
        startedEvent.kind = BuildEvent::Kind::StageStarted;
        startedEvent.image = image;
        startedEvent.stage = stage.name;
        startedEvent.signature = stage.signature;
        m_session.emitEvent(startedEvent);
        QElapsedTimer timer;
        timer.start();
        QString name;
        QString id;
        m_failure = {};
        if (!buildStage(stage, previousCommits, previousImage, &name, &id)) {
            if (m_session.cancellation.isCancelled()) {
                m_cancelledStage = stage.name;
                return Result::Cancelled;
            }
            return failed(stage.name, timer.elapsed());
        }
        const qint64 duration = timer.elapsed();
        QByteArray size;
        BuildCancellation quiet; // the size is informative; a cancel now must not fail the stage
        ProcessSpec spec;
        spec.program = m_session.options.buildahProgram;
        spec.arguments = m_session.buildahArguments({QStringLiteral("images"),
                                                     QStringLiteral("--noheading"),
                                                     QStringLiteral("--format"),
                                                     QStringLiteral("{{.Size}}"),
                                                     name});
        spec.captureOutput = true;
        const ProcessResult sizeResult = runProcess(spec, quiet);
        BuildEvent built;
        built.kind = BuildEvent::Kind::StageBuilt;
        built.image = image;
        built.stage = stage.name;
        built.signature = stage.signature;
        built.durationMs = duration;
        built.imageName = name;
        built.imageId = id;
        built.size = QString::fromUtf8(sizeResult.standardOutput).trimmed();
        m_session.emitEvent(built);
        m_session.setStoredImage(stage.signature, name);
        signatureLock.unlock();
        m_session.setStageImage(m_key, stage.name, name);
        m_session.stageDone(image, stage.name, duration);
        previousImage = name;
        carry(stage);
        if (m_session.cancellation.isCancelled())
            return Result::Cancelled; // the stage is complete and stored; stop before the next
    }
    m_session.setLastImage(m_key, previousImage);
    return Result::Succeeded;
}

std::optional<QString> BuildahImageBuilder::dockerfileInputs(const DockerfileImage &config,
                                                             const QString &dockerfile,
                                                             const QString &context)
{
    // Stagecraft's own key (not werf's dockerfile signature, reference §5.4.6): the Dockerfile,
    // the build options, every file of the context (path, mode, content) and the image IDs of
    // the external FROM images. More inputs than needed can only cause a rebuild, never a
    // stale image.
    QFile file(dockerfile);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = file.readAll();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, "stagecraft-dockerfile-1");
    addField(hash, text);
    addField(hash, config.target.value.toUtf8());
    QStringList args;
    for (const KeyValue &arg : config.args.entries)
        args.append(arg.key.value + u'=' + arg.value.value);
    args.sort();
    for (const QString &arg : args)
        addField(hash, arg.toUtf8());
    for (const QString &host : config.addHost.value)
        addField(hash, host.toUtf8());
    addField(hash, config.network.value.toUtf8());

    QStringList files;
    QDirIterator it(context,
                    QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    if (files.size() > 100000)
        return std::nullopt; // too big to hash on every build: let buildah's cache decide
    for (const QString &path : std::as_const(files)) {
        QFile entry(path);
        const QFileInfo info(path);
        addField(hash, path.mid(context.size()).toUtf8());
        addField(hash, QByteArray::number(int(info.permissions())));
        if (info.isSymLink()) {
            addField(hash, info.symLinkTarget().toUtf8());
            continue;
        }
        if (!entry.open(QIODevice::ReadOnly))
            return std::nullopt;
        QCryptographicHash content(QCryptographicHash::Sha256);
        if (!content.addData(&entry))
            return std::nullopt;
        addField(hash, content.result());
    }

    QStringList stageNames;
    const QList<DockerfileStage> stages = parseDockerfileStages(text);
    for (const DockerfileStage &stage : stages) {
        const QString base = stage.base;
        if (stageNames.contains(base, Qt::CaseInsensitive) || base == u"scratch") {
            addField(hash, base.toUtf8());
        } else {
            QByteArray id;
            BuildCancellation quiet;
            ProcessSpec spec;
            spec.program = m_session.options.buildahProgram;
            spec.arguments = m_session.buildahArguments({QStringLiteral("inspect"),
                                                         QStringLiteral("--type"),
                                                         QStringLiteral("image"),
                                                         QStringLiteral("--format"),
                                                         QStringLiteral("{{.FromImageID}}"),
                                                         base});
            spec.captureOutput = true;
            const ProcessResult result = runProcess(spec, quiet);
            if (!result.ok())
                return std::nullopt; // not local (or an ARG in FROM): buildah decides
            addField(hash, base.toUtf8() + '@' + result.standardOutput.trimmed());
        }
        stageNames.append(stage.name);
    }
    return QString::fromLatin1(hash.result().toHex());
}

BuildahImageBuilder::Result BuildahImageBuilder::runDockerfile()
{
    const QString image = m_plan.displayName();
    const QString stageName = QStringLiteral("dockerfile");
    const DockerfileImage *config = m_session.project.config.findDockerfileImage(m_plan.name);
    QElapsedTimer timer;
    timer.start();
    const auto failed = [&]() {
        BuildEvent event;
        event.kind = BuildEvent::Kind::StageFailed;
        event.image = image;
        event.stage = stageName;
        event.failed = true;
        event.durationMs = timer.elapsed();
        event.exitCode = m_failure.exitCode;
        event.text = m_failure.message;
        event.lastOutput = m_failure.lastOutput;
        m_session.emitEvent(event);
        return Result::Failed;
    };
    if (!config) {
        fail(Tr::tr("%1: no Dockerfile image of that name").arg(image));
        return failed();
    }
    const QDir projectDir(m_session.project.projectDir);
    const QString context = projectDir.absoluteFilePath(
            config->context.present ? config->context.value : QStringLiteral("."));
    const QString dockerfile = projectDir.absoluteFilePath(
            config->dockerfile.present ? config->dockerfile.value : QStringLiteral("Dockerfile"));
    // With its werf signature (reference §5.4.6) the image is a stage like any other:
    // werf-stages-storage/<project>:<signature>-<ms> with werf's labels, found by the next plan.
    // Without one (a base image that is not local, a context in git, ...) buildah's layer cache
    // decides what is rebuilt, and the result is kept under a name of Stagecraft's.
    const StagePlan *stagePlan = nullptr;
    for (const StagePlan &stage : m_plan.stages) {
        if (stage.id == StageId::Dockerfile)
            stagePlan = &stage;
    }
    const bool werfName = stagePlan && stagePlan->hasSignature() && m_input;
    QString tag;
    QString note;
    if (werfName) {
        if (stagePlan->cache == CacheStatus::Cached) {
            const QString name = m_session.cachedImage(*stagePlan);
            if (!name.isEmpty()) {
                BuildEvent event;
                event.kind = BuildEvent::Kind::StageCached;
                event.image = image;
                event.stage = stageName;
                event.signature = stagePlan->signature;
                event.imageName = name;
                m_session.emitEvent(event);
                m_session.setStageImage(m_key, stageName, name);
                m_session.setLastImage(m_key, name);
                m_session.stageDone(image, stageName, -1);
                return Result::Succeeded;
            }
        }
        tag = stageImageName(stagePlan->signature);
    } else {
        QString repository = m_plan.name.isEmpty() ? QStringLiteral("__nameless__") : m_plan.name;
        tag = (u"localhost/stagecraft-dockerfile/" + m_session.plan.project + u'/' + repository
               + u":latest")
                      .toLower();
        QString reason = stagePlan ? stagePlan->reason : QString();
        if (reason.isEmpty())
            reason = m_plan.reason;
        note = Tr::tr("kept as %1, not under werf's stage name: the werf signature of the "
                      "dockerfile stage is not known (%2)")
                       .arg(tag, reason.isEmpty() ? Tr::tr("no reason given") : reason);
    }
    QStringList arguments{QStringLiteral("build"),
                          QStringLiteral("--isolation"),
                          QStringLiteral("chroot"),
                          QStringLiteral("--layers"),
                          QStringLiteral("--file"),
                          dockerfile,
                          QStringLiteral("--tag"),
                          tag};
    if (config->target.present && !config->target.value.isEmpty())
        arguments << QStringLiteral("--target") << config->target.value;
    for (const KeyValue &arg : config->args.entries)
        arguments << QStringLiteral("--build-arg") << arg.key.value + u'=' + arg.value.value;
    for (const QString &host : config->addHost.value)
        arguments << QStringLiteral("--add-host") << host;
    if (config->network.present && !config->network.value.isEmpty())
        arguments << QStringLiteral("--network") << config->network.value;
    if (werfName) {
        StageImage::LabelContext labelContext;
        labelContext.project = m_session.plan.project;
        labelContext.temporaryImageName = QUuid::createUuid().toString(QUuid::WithoutBraces);
        labelContext.projectRepoCommit = m_session.projectRepoCommit;
        const QMap<QString, QString> labels = StageImage::labels(*m_input, *stagePlan, labelContext);
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            arguments << QStringLiteral("--label") << it.key() + u'=' + it.value();
    }
    arguments << context;

    // What the image is built from: when an image with the same inputs is stored, buildah build
    // is not even started (it would take seconds to find every layer in its cache).
    const std::optional<QString> inputs = werfName ? std::nullopt
                                                   : dockerfileInputs(*config, dockerfile, context);
    if (inputs) {
        BuildCancellation quiet;
        ProcessSpec spec;
        spec.program = m_session.options.buildahProgram;
        spec.arguments = m_session.buildahArguments({QStringLiteral("inspect"),
                                                     QStringLiteral("--type"),
                                                     QStringLiteral("image"),
                                                     QStringLiteral("--format"),
                                                     QStringLiteral("{{.FromImageID}} {{index "
                                                                    ".OCIv1.Config.Labels "
                                                                    "\"stagecraft-dockerfile-"
                                                                    "inputs\"}}"),
                                                     tag});
        spec.captureOutput = true;
        const ProcessResult stored = runProcess(spec, quiet);
        const QStringList fields = QString::fromUtf8(stored.standardOutput).trimmed().split(u' ');
        if (stored.ok() && fields.size() == 2 && fields.at(1) == *inputs) {
            BuildEvent event;
            event.kind = BuildEvent::Kind::StageCached;
            event.image = image;
            event.stage = stageName;
            event.imageName = tag;
            event.imageId = fields.at(0);
            event.text = note;
            m_session.emitEvent(event);
            m_session.setStageImage(m_key, stageName, tag);
            m_session.setLastImage(m_key, tag);
            m_session.stageDone(image, stageName, -1);
            return Result::Succeeded;
        }
        arguments.insert(arguments.size() - 1, QStringLiteral("--label"));
        arguments.insert(arguments.size() - 1, u"stagecraft-dockerfile-inputs=" + *inputs);
    }

    BuildEvent startedEvent;
    startedEvent.kind = BuildEvent::Kind::StageStarted;
    startedEvent.image = image;
    startedEvent.stage = stageName;
    if (werfName)
        startedEvent.signature = stagePlan->signature;
    startedEvent.text = note;
    m_session.emitEvent(startedEvent);
    const auto removeTag = [&] {
        // A build cut short in its commit may have stored the image: nothing may stay of it.
        if (werfName)
            cleanup({QStringLiteral("rmi"), tag});
    };

    int steps = 0;
    int cachedSteps = 0;
    bool fromStep = false;
    ProcessSpec spec;
    spec.program = m_session.options.buildahProgram;
    spec.arguments = m_session.buildahArguments(arguments);
    spec.onLine = [&](const QString &text) {
        // "STEP n/m: FROM ..." steps pull or take a base; the others are cached or built.
        // Multi-stage builds put "[k/n] " before each step.
        QString line = text;
        if (line.startsWith(u'[')) {
            const qsizetype close = line.indexOf(QStringLiteral("] "));
            if (close > 0)
                line = line.mid(close + 2);
        }
        if (line.startsWith(u"STEP ")) {
            fromStep = line.contains(u": FROM ");
            if (!fromStep)
                ++steps;
        } else if (line.startsWith(u"--> Using cache ") && !fromStep) {
            ++cachedSteps;
        }
        output(stageName, text);
    };
    const ProcessResult result = runProcess(spec, m_session.cancellation);
    if (result.cancelled) {
        removeTag();
        m_cancelledStage = stageName;
        return Result::Cancelled;
    }
    if (!result.ok()) {
        removeTag();
        m_failure.exitCode = result.exitCode;
        m_failure.lastOutput = result.lastLines;
        fail(result.started ? Tr::tr("%1/%2: buildah build failed with exit code %3")
                                      .arg(image, stageName)
                                      .arg(result.exitCode)
                            : Tr::tr("cannot run %1: %2")
                                      .arg(m_session.options.buildahProgram, result.errorString));
        return failed();
    }
    if (werfName && !pushStage(tag, stageName)) {
        if (m_session.cancellation.isCancelled()) {
            m_cancelledStage = stageName;
            return Result::Cancelled;
        }
        return failed();
    }
    const qint64 duration = timer.elapsed();
    BuildEvent event;
    event.kind = steps > 0 && cachedSteps == steps ? BuildEvent::Kind::StageCached
                                                   : BuildEvent::Kind::StageBuilt;
    event.image = image;
    event.stage = stageName;
    event.imageName = tag;
    event.text = note;
    if (werfName) {
        // A new stage image, whatever buildah's layer cache took: werf would store it too.
        event.kind = BuildEvent::Kind::StageBuilt;
        event.signature = stagePlan->signature;
    }
    if (!result.lastLines.isEmpty())
        event.imageId = result.lastLines.last().trimmed();
    if (event.kind == BuildEvent::Kind::StageBuilt)
        event.durationMs = duration;
    m_session.emitEvent(event);
    m_session.setStageImage(m_key, stageName, tag);
    m_session.setLastImage(m_key, tag);
    m_session.stageDone(image,
                        stageName,
                        event.kind == BuildEvent::Kind::StageBuilt ? duration : -1);
    return Result::Succeeded;
}

} // namespace Stagecraft::Model
