// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/logcommand.h"

#include "build/buildlogsummary.h"
#include "build/werflogparser.h"
#include "common/tr.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Stagecraft::Model {

namespace {

constexpr qint64 kChunkSize = 1024 * 1024;
// Events after a failed stage wait for werf's final error message (which names the exit code)
// so that stage-failed can carry it; at most this many are held back.
constexpr qsizetype kMaxHeld = 4096;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 2);
}

void setIfNotEmpty(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

/** Turns parser events into the JSON Lines of runLogCommand(), keeping a summary on the side. */
class JsonEventWriter
{
public:
    explicit JsonEventWriter(QTextStream &out)
        : m_out(out)
    {}

    void add(const BuildEvent &event);
    void finish();
    const BuildLogSummary &summary() const { return m_summary; }

private:
    struct Held
    {
        QJsonObject object;
        bool failedStage = false;
    };

    void write(const QJsonObject &object, bool failedStage = false);
    void release();
    void applyError(const BuildEvent &event);

    QTextStream &m_out;
    BuildLogSummary m_summary;
    QList<Held> m_held;
    bool m_holding = false;
};

QJsonObject stageObject(const QString &name, const BuildEvent &event)
{
    QJsonObject object{{u"event"_s, name}, {u"image"_s, event.image}, {u"stage"_s, event.stage}};
    setIfNotEmpty(object, u"platform"_s, event.platform);
    return object;
}

void JsonEventWriter::add(const BuildEvent &event)
{
    m_summary.add(event);
    using Kind = BuildEvent::Kind;
    switch (event.kind) {
    case Kind::BuildStarted:
        write({{u"event"_s, u"build-started"_s}, {u"version"_s, event.text}});
        break;
    case Kind::ImageStarted: {
        QJsonObject object{{u"event"_s, u"image-started"_s}, {u"image"_s, event.image}};
        setIfNotEmpty(object, u"platform"_s, event.platform);
        object.insert(u"kind"_s, BuildEvent::roleName(event.role));
        write(object);
        break;
    }
    case Kind::StageStarted:
        write(stageObject(u"stage-started"_s, event));
        break;
    case Kind::StageCached:
    case Kind::StageBuilt: {
        const bool cached = event.kind == Kind::StageCached || event.discarded;
        QJsonObject object = stageObject(cached ? u"stage-cached"_s : u"stage-built"_s, event);
        if (event.durationMs >= 0)
            object.insert(u"durationMs"_s, event.durationMs);
        if (event.discarded)
            object.insert(u"discarded"_s, true);
        setIfNotEmpty(object, u"signature"_s, event.signature);
        setIfNotEmpty(object, u"imageId"_s, event.imageId);
        write(object);
        break;
    }
    case Kind::StageFailed: {
        QJsonObject object = stageObject(u"stage-failed"_s, event);
        if (event.durationMs >= 0)
            object.insert(u"durationMs"_s, event.durationMs);
        m_holding = true;
        write(object, true);
        break;
    }
    case Kind::StageMissing:
        write(stageObject(u"stage-missing"_s, event));
        break;
    case Kind::ProcessFailed: {
        QJsonObject object{{u"event"_s, u"process-failed"_s}, {u"message"_s, event.text}};
        if (event.durationMs >= 0)
            object.insert(u"durationMs"_s, event.durationMs);
        setIfNotEmpty(object, u"image"_s, event.image);
        write(object);
        break;
    }
    case Kind::ImageFinished: {
        QJsonObject object{{u"event"_s, u"image-finished"_s}, {u"image"_s, event.image}};
        setIfNotEmpty(object, u"platform"_s, event.platform);
        if (event.durationMs >= 0)
            object.insert(u"durationMs"_s, event.durationMs);
        object.insert(u"result"_s, event.failed ? u"failed"_s : u"succeeded"_s);
        write(object);
        break;
    }
    case Kind::Error:
        applyError(event);
        release();
        break;
    case Kind::StageDiscarded:
    case Kind::Output:
    case Kind::Panic:
    case Kind::RunningTime:
    case Kind::BuildFinished: // never produced by the log parser
        break;                // folded into other events and into build-finished
    }
}

void JsonEventWriter::applyError(const BuildEvent &event)
{
    const auto fill = [&event](QJsonObject &object) {
        if (!event.signature.isEmpty() && !object.contains(u"signature"_s))
            object.insert(u"signature"_s, event.signature);
        if (event.exitCode >= 0)
            object.insert(u"exitCode"_s, event.exitCode);
        object.insert(u"message"_s, event.text);
    };
    Held *target = nullptr;
    for (Held &held : m_held) {
        if (!held.failedStage)
            continue;
        if (event.image.isEmpty()
            || (held.object.value(u"image"_s).toString() == event.image
                && (event.stage.isEmpty()
                    || held.object.value(u"stage"_s).toString() == event.stage)))
            target = &held;
    }
    if (target) {
        fill(target->object);
    } else if (!event.image.isEmpty() && !event.stage.isEmpty()) {
        // The error names a stage whose footer is not in the log.
        QJsonObject object = stageObject(u"stage-failed"_s, event);
        fill(object);
        m_holding = true;
        write(object, true);
    }
}

void JsonEventWriter::write(const QJsonObject &object, bool failedStage)
{
    if (m_holding) {
        m_held.append({object, failedStage});
        if (m_held.size() >= kMaxHeld)
            release();
        return;
    }
    // "event" first, as in the documented shape; QJsonObject itself sorts its keys.
    QJsonObject rest = object;
    const QString event = rest.take(u"event"_s).toString();
    const QByteArray fields = QJsonDocument(rest).toJson(QJsonDocument::Compact);
    QByteArray line
            = QByteArrayLiteral("{\"event\":")
              + QJsonDocument(QJsonArray{event}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    line += fields.size() > 2 ? QByteArrayLiteral(",") + fields.mid(1) : QByteArrayLiteral("}");
    m_out << QString::fromUtf8(line) << u'\n';
}

void JsonEventWriter::release()
{
    m_holding = false;
    const QList<Held> held = std::exchange(m_held, {});
    for (const Held &h : held) {
        QJsonObject object = h.object;
        if (h.failedStage) {
            // The summary has the stage's last output lines by now.
            const BuildLogSummary::Image *image
                    = m_summary.findImage(object.value(u"image"_s).toString(),
                                          object.value(u"platform"_s).toString());
            QJsonArray lines;
            if (image) {
                for (const BuildLogSummary::Stage &stage : image->stages) {
                    if (stage.name == object.value(u"stage"_s).toString()) {
                        for (const QString &line : stage.lastOutput)
                            lines.append(line);
                    }
                }
            }
            object.insert(u"lastOutput"_s, lines);
        }
        write(object);
    }
}

void JsonEventWriter::finish()
{
    release();
    if (m_summary.isEmpty())
        return;
    QJsonObject object{{u"event"_s, u"build-finished"_s},
                       {u"result"_s, BuildLogSummary::resultName(m_summary.result())}};
    if (m_summary.runningTimeMs() >= 0)
        object.insert(u"durationMs"_s, m_summary.runningTimeMs());
    if (!m_summary.errorMessage().isEmpty()) {
        object.insert(u"message"_s, m_summary.errorMessage());
        setIfNotEmpty(object, u"image"_s, m_summary.errorImage());
        setIfNotEmpty(object, u"stage"_s, m_summary.errorStage());
        if (m_summary.exitCode() >= 0)
            object.insert(u"exitCode"_s, m_summary.exitCode());
    } else if (!m_summary.panicMessage().isEmpty()) {
        object.insert(u"message"_s, QString(u"panic: "_s + m_summary.panicMessage()));
    } else if (!m_summary.failedProcesses().isEmpty()) {
        object.insert(u"message"_s, m_summary.failedProcesses().constLast());
    }
    write(object);
}

QString stageStatusText(BuildLogSummary::StageStatus status)
{
    switch (status) {
    case BuildLogSummary::StageStatus::Running:
        return Tr::tr("unfinished");
    case BuildLogSummary::StageStatus::Cached:
        return Tr::tr("cached");
    case BuildLogSummary::StageStatus::Built:
        return Tr::tr("built");
    case BuildLogSummary::StageStatus::Discarded:
        return Tr::tr("discarded", "stage built, then replaced by one another builder stored");
    case BuildLogSummary::StageStatus::Failed:
        return Tr::tr("FAILED");
    case BuildLogSummary::StageStatus::Missing:
        return Tr::tr("missing");
    }
    return {};
}

QString resultText(BuildLogSummary::Result result)
{
    switch (result) {
    case BuildLogSummary::Result::Succeeded:
        return Tr::tr("succeeded");
    case BuildLogSummary::Result::Failed:
        return Tr::tr("failed");
    case BuildLogSummary::Result::Incomplete:
        return Tr::tr("incomplete (the log ends without werf's running time)");
    }
    return {};
}

} // namespace

QString formatBuildLogSummary(const BuildLogSummary &summary)
{
    QString text;
    QTextStream out(&text);
    if (!summary.version().isEmpty())
        out << Tr::tr("werf %1").arg(summary.version()) << u'\n';
    out << Tr::tr("Result: %1").arg(resultText(summary.result())) << u'\n';
    if (summary.runningTimeMs() >= 0)
        out << Tr::tr("Running time: %1 s").arg(seconds(summary.runningTimeMs())) << u'\n';

    qsizetype nameWidth = 0;
    for (const BuildLogSummary::Image &image : summary.images()) {
        for (const BuildLogSummary::Stage &stage : image.stages)
            nameWidth = qMax(nameWidth, stage.name.size());
    }
    nameWidth = qMin<qsizetype>(nameWidth, 32);
    bool anyDuration = false;
    for (const BuildLogSummary::Image &image : summary.images()) {
        for (const BuildLogSummary::Stage &stage : image.stages)
            anyDuration = anyDuration || stage.durationMs >= 0;
    }

    for (const BuildLogSummary::Image &image : summary.images()) {
        out << u'\n';
        QString state;
        if (image.failed || image.failedStage())
            state = Tr::tr("failed");
        else if (image.finished)
            state = Tr::tr("succeeded");
        else if (image.started)
            state = Tr::tr("unfinished");
        const QString role = image.role == BuildEvent::ImageRole::Artifact
                                     ? Tr::tr("Artifact %1").arg(image.displayName())
                                     : Tr::tr("Image %1").arg(image.displayName());
        out << role << u": "_s;
        if (!state.isEmpty())
            out << state;
        if (image.durationMs >= 0)
            out << u", "_s << Tr::tr("%1 s").arg(seconds(image.durationMs));
        if (!state.isEmpty())
            out << u"; "_s;
        out << Tr::tr("%n cached",
                      "",
                      image.count(BuildLogSummary::StageStatus::Cached)
                              + image.count(BuildLogSummary::StageStatus::Discarded))
            << u", "_s << Tr::tr("%n built", "", image.count(BuildLogSummary::StageStatus::Built));
        if (const int failed = image.count(BuildLogSummary::StageStatus::Failed))
            out << u", "_s << Tr::tr("%n failed", "", failed);
        if (const int missing = image.count(BuildLogSummary::StageStatus::Missing))
            out << u", "_s << Tr::tr("%n missing", "", missing);
        out << u'\n';
        for (const BuildLogSummary::Stage &stage : image.stages) {
            QString row = u"  "_s + stageStatusText(stage.status).leftJustified(10) + u' '
                          + stage.name.leftJustified(nameWidth);
            if (stage.durationMs >= 0)
                row += u"  "_s + Tr::tr("%1 s").arg(seconds(stage.durationMs)).rightJustified(9);
            else if (anyDuration)
                row += QString(11, u' ');
            if (!stage.signature.isEmpty())
                row += u"  "_s + stage.signature;
            if (stage.exitCode >= 0)
                row += u"  "_s + Tr::tr("exit code %1").arg(stage.exitCode);
            while (row.endsWith(u' '))
                row.chop(1);
            out << row;
            out << u'\n';
            if (stage.status == BuildLogSummary::StageStatus::Failed) {
                if (!stage.message.isEmpty())
                    out << u"      "_s << Tr::tr("Error: %1").arg(stage.message) << u'\n';
                if (!stage.lastOutput.isEmpty()) {
                    out << u"      "_s
                        << Tr::tr("Last output lines (%1 of %2):")
                                    .arg(stage.lastOutput.size())
                                    .arg(stage.outputLineCount)
                        << u'\n';
                    for (const QString &line : stage.lastOutput)
                        out << u"      | "_s << line << u'\n';
                }
            }
        }
    }

    const bool errorShown = [&] {
        for (const BuildLogSummary::Image &image : summary.images()) {
            const BuildLogSummary::Stage *failed = image.failedStage();
            if (failed && failed->message == summary.errorMessage())
                return true;
        }
        return false;
    }();
    if (!summary.errorMessage().isEmpty() && !errorShown)
        out << u'\n' << Tr::tr("Error: %1").arg(summary.errorMessage()) << u'\n';
    if (!summary.panicMessage().isEmpty())
        out << u'\n' << Tr::tr("werf panicked: %1").arg(summary.panicMessage()) << u'\n';
    for (const QString &process : summary.failedProcesses())
        out << Tr::tr("Failed: %1").arg(process) << u'\n';
    out.flush();
    return text;
}

int runLogCommand(
        QIODevice &input, const QString &name, bool json, QTextStream &out, QTextStream &err)
{
    WerfLogParser parser;
    JsonEventWriter writer(out);
    BuildLogSummary summary;
    const auto take = [&] {
        const QList<BuildEvent> events = parser.takeEvents();
        for (const BuildEvent &event : events) {
            if (json)
                writer.add(event);
            else
                summary.add(event);
        }
    };
    while (true) {
        const QByteArray chunk = input.read(kChunkSize);
        if (chunk.isEmpty())
            break;
        parser.feed(chunk);
        take();
    }
    parser.finish();
    take();

    const bool empty = json ? writer.summary().isEmpty() : summary.isEmpty();
    if (empty) {
        err << Tr::tr("%1:1:1: error: no werf build output found (%n line(s) read)",
                      "",
                      parser.lineCount())
                        .arg(name)
            << u'\n';
        return 1;
    }
    if (json)
        writer.finish();
    else
        out << formatBuildLogSummary(summary);
    out.flush();
    return 0;
}

int runLogCommand(const QString &file, bool json, QTextStream &out, QTextStream &err)
{
    const QFileInfo info(file);
    if (info.isDir()) {
        err << Tr::tr("%1: error: is a directory, not a werf build log").arg(file) << u'\n';
        return 1;
    }
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        err << Tr::tr("%1: error: cannot read: %2").arg(file, input.errorString()) << u'\n';
        return 1;
    }
    return runLogCommand(input, file, json, out, err);
}

} // namespace Stagecraft::Model
