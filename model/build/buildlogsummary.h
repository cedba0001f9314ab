// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "build/buildevent.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Stagecraft::Model {

/**
 * What a werf build log says happened, per image and stage, folded from BuildEvents as they
 * arrive (add()). Images are told apart by name and platform; stages keep werf's order of
 * appearance. Memory is bounded: only the last maxOutputLines() output lines of each stage are
 * kept, and at most maxImages() images with maxStagesPerImage() stages each.
 */
class BuildLogSummary
{
public:
    enum class StageStatus {
        Running,   ///< started (or produced output) and never finished in the log
        Cached,    ///< werf used an existing stage image
        Built,     ///< built and stored
        Discarded, ///< built, then discarded: another builder had stored it first
        Failed,
        Missing, ///< werf 1.0: reported as not existing in the stages storage
    };

    enum class Result {
        Succeeded,  ///< werf reported its running time and nothing failed
        Failed,     ///< an error, a panic or a failed stage, image or process
        Incomplete, ///< neither: an excerpt, or the log was cut off
    };

    struct Stage
    {
        QString name;
        StageStatus status = StageStatus::Running;
        qint64 durationMs = -1;
        QString signature;
        QString imageId;
        QString imageName;
        QString size;
        int exitCode = -1;
        QString message; ///< the error message, for the failed stage
        int outputLineCount = 0;
        QStringList lastOutput;
    };

    struct Image
    {
        QString name;
        QString platform;
        BuildEvent::ImageRole role = BuildEvent::ImageRole::Image;
        bool started = false;  ///< its header was in the log
        bool finished = false; ///< its footer was in the log
        bool failed = false;
        qint64 durationMs = -1;
        QList<Stage> stages;

        /** "NAME" or "NAME [PLATFORM]". */
        QString displayName() const;
        int count(StageStatus status) const;
        /** The failed stage, or nullptr. */
        const Stage *failedStage() const;
    };

    void add(const BuildEvent &event);
    void add(const QList<BuildEvent> &events);

    /** True until the first event: nothing in the input looked like werf output. */
    bool isEmpty() const { return m_eventCount == 0; }
    qint64 eventCount() const { return m_eventCount; }

    const QString &version() const { return m_version; }
    qint64 runningTimeMs() const { return m_runningTimeMs; }
    const QList<Image> &images() const { return m_images; }
    const Image *findImage(const QString &name, const QString &platform = {}) const;

    const QString &errorMessage() const { return m_errorMessage; }
    const QString &errorImage() const { return m_errorImage; }
    const QString &errorStage() const { return m_errorStage; }
    int exitCode() const { return m_exitCode; }
    const QString &panicMessage() const { return m_panicMessage; }
    const QStringList &failedProcesses() const { return m_failedProcesses; }

    Result result() const;

    static QString statusName(StageStatus status);
    static QString resultName(Result result);

    static constexpr int maxOutputLines() { return 20; }
    static constexpr int maxImages() { return 10000; }
    static constexpr int maxStagesPerImage() { return 1000; }

private:
    Image *imageFor(const QString &name, const QString &platform);
    Stage *stageFor(const QString &image, const QString &platform, const QString &stage);
    static void takeInfo(Stage &stage, const BuildEvent &event);

    qint64 m_eventCount = 0;
    QString m_version;
    qint64 m_runningTimeMs = -1;
    QList<Image> m_images;
    QString m_errorMessage;
    QString m_errorImage;
    QString m_errorStage;
    int m_exitCode = -1;
    QString m_panicMessage;
    QStringList m_failedProcesses;
};

} // namespace Stagecraft::Model
