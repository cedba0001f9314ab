// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildsession.h"
#include "git/gitcontext.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model {

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
 * through `buildah config`. Dockerfile images go through `buildah build --layers`, labelled with a
 * hash of their inputs (Stagecraft's, not werf's) so that an unchanged one is not rebuilt.
 *
 * Differences from werf: commands run with the image's own /bin/sh, not werf's stapel toolchain;
 * the werf-import-* label is not written.
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
    QStringList mountArguments();
    QString fail(const QString &message);
    void output(const QString &stage, const QString &line);
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
};

} // namespace Stagecraft::Model
