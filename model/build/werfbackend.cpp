// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/werfbackend.h"

#include "build/buildsession.h"
#include "build/werflogparser.h"
#include "common/tr.h"

namespace Stagecraft::Model {

QStringList werfBuildArguments(const LoadedProject &project, const BuildOptions &options)
{
    QStringList arguments{QStringLiteral("build")};
    if (!project.projectDir.isEmpty())
        arguments << QStringLiteral("--dir") << project.projectDir;
    if (!options.stagesStorage.isEmpty())
        arguments << QStringLiteral("--stages-storage") << options.stagesStorage;
    arguments << QStringLiteral("--log-color-mode=off") << QStringLiteral("--log-pretty=true")
              << QStringLiteral("--log-terminal-width=4096")
              << QStringLiteral("--parallel-tasks-limit=%1").arg(options.jobs);
    arguments << options.werfArguments;
    arguments << options.images;
    return arguments;
}

void runWerfBuild(BuildSession &session)
{
    BuildOutcome &outcome = session.outcome;
    WerfLogParser parser;
    QString lastFailedImage;
    QString lastFailedStage;
    // A failed stage waits for werf's final `Error:` (which names the exit code), and so does
    // everything after it, so that the order stays werf's.
    QList<BuildEvent> held;
    QHash<QString, QStringList> lastOutput;
    const auto release = [&] {
        for (const BuildEvent &event : std::as_const(held))
            session.emitEvent(event);
        held.clear();
    };
    const auto deliver = [&] {
        const QList<BuildEvent> events = parser.takeEvents();
        for (BuildEvent event : events) {
            switch (event.kind) {
            case BuildEvent::Kind::BuildStarted: // werf's "Version:": the build was started already
            case BuildEvent::Kind::RunningTime:
                continue;
            case BuildEvent::Kind::Error:
                outcome.message = event.text;
                outcome.exitCode = event.exitCode;
                if (!event.image.isEmpty()) {
                    outcome.image = event.image;
                    outcome.stage = event.stage;
                }
                for (BuildEvent &h : held) {
                    if (h.kind == BuildEvent::Kind::StageFailed) {
                        h.exitCode = event.exitCode;
                        h.text = event.text;
                    }
                }
                release();
                break;
            case BuildEvent::Kind::Output: {
                QStringList &lines = lastOutput[event.image + u'/' + event.stage];
                lines.append(event.text);
                if (lines.size() > kLastLineCount)
                    lines.removeFirst();
                break;
            }
            case BuildEvent::Kind::StageCached:
                if (session.stageDone)
                    session.stageDone(event.image, event.stage, -1);
                break;
            case BuildEvent::Kind::StageBuilt:
                if (session.stageDone)
                    session.stageDone(event.image,
                                      event.stage,
                                      event.discarded ? -1 : std::max<qint64>(0, event.durationMs));
                break;
            case BuildEvent::Kind::StageFailed:
                ++outcome.failedStages;
                lastFailedImage = event.image;
                lastFailedStage = event.stage;
                event.lastOutput = lastOutput.value(event.image + u'/' + event.stage);
                held.append(event);
                continue;
            default:
                break;
            }
            if (!held.isEmpty())
                held.append(event);
            else
                session.emitEvent(event);
        }
    };

    ProcessSpec spec;
    spec.program = session.options.werfProgram;
    spec.arguments = werfBuildArguments(session.project, session.options);
    spec.workingDirectory = session.project.projectDir;
    // GitLab's collapsible-section markers would wrap werf's outermost blocks (GRAMMAR.md §1).
    spec.environment.remove(QStringLiteral("GITLAB_CI"));
    spec.environment.insert(QStringLiteral("WERF_LOG_COLOR_MODE"), QStringLiteral("off"));
    spec.onLine = [&](const QString &line) {
        parser.feedLine(line);
        deliver();
    };
    const ProcessResult result = runProcess(spec, session.cancellation);
    parser.finish();
    deliver();
    release();
    if (result.cancelled) {
        outcome.result = BuildOutcome::Result::Cancelled;
        outcome.message = Tr::tr("the build was cancelled");
        return;
    }
    if (!result.started) {
        outcome.result = BuildOutcome::Result::Failed;
        outcome.message = Tr::tr("cannot run %1: %2").arg(spec.program, result.errorString);
        return;
    }
    if (result.ok())
        return;
    outcome.result = BuildOutcome::Result::Failed;
    if (outcome.image.isEmpty()) {
        outcome.image = lastFailedImage;
        outcome.stage = lastFailedStage;
    }
    if (outcome.message.isEmpty())
        outcome.message = Tr::tr("werf exited with code %1").arg(result.exitCode);
    if (outcome.exitCode < 0)
        outcome.exitCode = result.exitCode;
}

} // namespace Stagecraft::Model
