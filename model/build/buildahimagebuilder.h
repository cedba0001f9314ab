// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildsession.h"
#include "git/gitcontext.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

class GitRepository;
struct GitTreeEntry;

/**
 * Builds one image of a plan with buildah (`--isolation chroot`), the way werf 1.1 builds it:
 * stage by stage in conveyor order, each missing stage in a fresh working container from the
 * previous stage image, committed as `werf-stages-storage/<project>:<signature>-<ms>` with the
 * labels of reference §6.5, so that the next plan finds it.
 *
 * What each stage does: `from` takes the base image (local, else pulled) or the last stage of
 * the fromImage/fromImageArtifact image; user stages run their shell commands as one
 * `/bin/sh -e` script (stops at the first failing command) with the mounts bound in; gitArchive
 * adds the mapping's files (`git archive` of the matched paths, owner/group); later git stages
 * apply the mapping's werf patch from the commit of the previous stage image; imports copy from
 * the source stage image with includePaths/excludePaths/owner/group; dockerInstructions go
 * through `buildah config`. Dockerfile images go through `buildah build --layers`: under werf's
 * stage name with werf's labels when the plan has their dockerfile signature (§5.4.6); else under
 * `localhost/stagecraft-dockerfile/<project>/<image>:latest`, labelled with a hash of their inputs
 * (Stagecraft's, not werf's) so that an unchanged one is not rebuilt, and the events say why.
 *
 * With a registry stages storage, new stage images are committed as `REPO:<signature>-<ms>` and
 * pushed; cached ones are pulled by `buildah from` when a stage or an import needs them.
 *
 * Differences from werf: commands run with the image's own /bin/sh, not werf's stapel toolchain;
 * the werf-import-<slug> label is written only for source names that werf's slug leaves as they
 * are ([a-z0-9-], see werfSlug()).
 *
 * Remote git mappings (`url:`) read a bare clone that BuildWorker keeps per URL in the user's
 * cache directory and fetches before each build.
 *
 * Runs in a worker thread (blocking); all processes go through the session's cancellation.
 */
class BuildahImageBuilder
{
public:
    enum class Result { Succeeded, Failed, Cancelled };

    BuildahImageBuilder(BuildSession &session, const ImagePlan &plan);

    Result run();
    /** The stage that was running when the build was cancelled. */
    const QString &cancelledStage() const { return m_cancelledStage; }

private:
    struct StepFailure
    {
        QString message;
        int exitCode = -1;
        QStringList lastOutput;
    };

    Result runStapel();
    Result runDockerfile();
    std::optional<QString> dockerfileInputs(const DockerfileImage &config,
                                            const QString &dockerfile,
                                            const QString &context);
    bool buildStage(const StagePlan &stage,
                    const QHash<QString, QString> &previousCommits,
                    const QString &fromImage,
                    QString *imageName,
                    QString *imageId);
    bool buildah(const QStringList &arguments, const QString &stage, QByteArray *output = nullptr);
    bool runCommands(const QString &container, const StagePlan &stage);
    bool gitArchive(const QString &container, const StagePlan &stage);
    bool copyGitFile(const QString &container,
                     const GitRepository &repository,
                     const GitTreeEntry &entry,
                     const GitMappingParams &mapping,
                     const QString &stage);
    bool applyPatches(const QString &container,
                      const StagePlan &stage,
                      const QHash<QString, QString> &previousCommits);
    bool imports(const QString &container, const StagePlan &stage);
    bool importOne(const QString &container,
                   const SignatureInput::Import &import,
                   const QString &stage);
    bool addArchive(const QString &container,
                    const QString &archive,
                    const QString &to,
                    const QString &owner,
                    const QString &group,
                    const QString &stage);
    bool run(const QString &program,
             const QStringList &arguments,
             const QString &stage,
             const QString &workingDirectory = {},
             QByteArray *output = nullptr,
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    QString mountContainer(const QString &container, const QString &stage);
    /** The repository a git mapping reads: the project's, or the clone of its remote one. */
    QString repositoryPath(const GitMappingParams &mapping) const;
    /** `buildah from` of an image, with the registry's options for a registry stage image. */
    QStringList fromArguments(const QString &container, const QString &image) const;
    /** werf's name for a new stage image in the build's stages storage (§6.1). */
    QString stageImageName(const QString &signature) const;
    /** Pushes a committed stage to a registry stages storage (nothing for :local); on failure
     *  the local image is removed too. */
    bool pushStage(const QString &name, const QString &stage);
    /** The image ID of a local image (hex, without "sha256:"), or empty (and m_failure). */
    QString imageId(const QString &image, const QString &stage);
    QStringList mountArguments();
    QString fail(const QString &message);
    void output(const QString &stage, const QString &line);
    /** Runs a buildah clean-up command (rm, rmi): also after a cancel, its failure unreported. */
    void cleanup(const QStringList &command);
    void cleanupContainer(const QString &container);
    QString uniqueName(const QString &prefix) const;

    BuildSession &m_session;
    const ImagePlan &m_plan;
    const SignatureInput::Image *m_input = nullptr;
    QString m_key;
    GitContext m_git;
    StepFailure m_failure;
    QStringList m_mountArguments;
    bool m_mountsReady = false;
    QString m_cancelledStage;
    /** Labels the stage being built adds to StageImage::labels() (werf-import-*). */
    QMap<QString, QString> m_stageLabels;
};

} // namespace Stagecraft::Model
