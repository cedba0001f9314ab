// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfilestages.h"

#include <QStringList>

namespace Stagecraft::Model {

namespace {

struct LogicalLine
{
    QString text;
    int line = 0;
};

QList<LogicalLine> logicalLines(const QByteArray &text)
{
    QList<LogicalLine> result;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    QString pending;
    int pendingLine = 0;
    for (int i = 0; i < lines.size(); ++i) {
        QString l = lines.at(i);
        if (l.endsWith(u'\r'))
            l.chop(1);
        const QString trimmed = l.trimmed();
        if (trimmed.startsWith(u'#'))
            continue; // comments may sit inside continuations too
        if (pending.isEmpty())
            pendingLine = i + 1;
        if (trimmed.endsWith(u'\\')) {
            pending += trimmed.left(trimmed.size() - 1) + u' ';
            continue;
        }
        pending += trimmed;
        if (!pending.trimmed().isEmpty())
            result.append({pending.trimmed(), pendingLine});
        pending.clear();
    }
    if (!pending.trimmed().isEmpty())
        result.append({pending.trimmed(), pendingLine});
    return result;
}

int stageIndex(const QList<DockerfileStage> &stages, const QString &ref)
{
    for (int i = 0; i < stages.size(); ++i) {
        if (stages.at(i).name.compare(ref, Qt::CaseInsensitive) == 0)
            return i;
    }
    bool ok = false;
    const int n = ref.toInt(&ok);
    if (ok && n >= 0 && n < stages.size())
        return n;
    return -1;
}

} // namespace

QList<DockerfileStage> parseDockerfileStages(const QByteArray &text)
{
    QList<DockerfileStage> stages;
    const QList<LogicalLine> lines = logicalLines(text);
    for (const LogicalLine &ll : lines) {
        const QStringList words = ll.text.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const QString instruction = words.first().toUpper();
        if (instruction == u"FROM") {
            DockerfileStage stage;
            stage.line = ll.line;
            QStringList args;
            for (int i = 1; i < words.size(); ++i) {
                if (!words.at(i).startsWith(u"--"))
                    args.append(words.at(i));
            }
            if (!args.isEmpty())
                stage.base = args.first();
            if (args.size() >= 3 && args.at(1).compare(u"AS", Qt::CaseInsensitive) == 0)
                stage.name = args.at(2);
            else
                stage.name = QString::number(stages.size());
            const int from = stageIndex(stages, stage.base);
            if (from >= 0)
                stage.dependsOn.append(from);
            stages.append(stage);
        } else if (!stages.isEmpty()
                   && (instruction == u"COPY" || instruction == u"ADD" || instruction == u"RUN")) {
            for (int i = 1; i < words.size(); ++i) {
                const QString &w = words.at(i);
                QString ref;
                if (w.startsWith(u"--from="))
                    ref = w.mid(7);
                else if (w.startsWith(u"--mount=")) {
                    const qsizetype at = w.indexOf(u"from=");
                    if (at >= 0)
                        ref = w.mid(at + 5).section(u',', 0, 0);
                } else if (!w.startsWith(u"--"))
                    break;
                if (ref.isEmpty())
                    continue;
                const int from = stageIndex(stages, ref);
                if (from >= 0 && from < stages.size() - 1 && !stages.last().dependsOn.contains(from))
                    stages.last().dependsOn.append(from);
            }
        }
    }
    return stages;
}

} // namespace Stagecraft::Model
