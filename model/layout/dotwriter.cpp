// SPDX-License-Identifier: GPL-3.0-or-later
#include "dotwriter.h"

#include <QString>

namespace Stagecraft::Model {

namespace {

QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c == u'\n') {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    out += u'"';
    return out;
}

QString stageNode(int image, int stageRow)
{
    return QStringLiteral("i%1_s%2").arg(image).arg(stageRow);
}

QString imageNode(int image)
{
    return QStringLiteral("i%1").arg(image);
}

int stageRowOf(const ConveyorImage &image, StageId id)
{
    for (int i = 0; i < image.stages.size(); ++i) {
        if (image.stages.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace

QByteArray conveyorToDot(const Conveyor &conveyor, const StageStatuses &statuses)
{
    QString dot;
    dot += QStringLiteral("digraph conveyor {\n"
                          "  graph [rankdir=LR, compound=true, fontname=\"sans-serif\", "
                          "nodesep=0.25, ranksep=0.6];\n"
                          "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", "
                          "fontsize=10, fillcolor=\"#ffffff\"];\n"
                          "  edge [fontname=\"sans-serif\", fontsize=9];\n");
    for (int i = 0; i < conveyor.images.size(); ++i) {
        const ConveyorImage &image = conveyor.images.at(i);
        if (image.kind == ImageKind::External || image.stages.isEmpty()) {
            dot += QStringLiteral("  %1 [label=%2, style=\"rounded,dashed\"];\n")
                           .arg(imageNode(i), quoted(image.displayName()));
            continue;
        }
        const QString kindColor = image.kind == ImageKind::Artifact     ? QStringLiteral("#7b5ea7")
                                  : image.kind == ImageKind::Dockerfile ? QStringLiteral("#2f7f86")
                                                                        : QStringLiteral("#3b5b8c");
        dot += QStringLiteral("  subgraph cluster_%1 {\n    label=%2; color=\"%3\"; "
                              "style=\"rounded%4\";\n")
                       .arg(QString::number(i),
                            quoted(image.displayName() + QStringLiteral(" (")
                                   + imageKindName(image.kind) + u')'),
                            kindColor,
                            image.kind == ImageKind::Artifact ? QStringLiteral(",bold") : QString());
        for (int s = 0; s < image.stages.size(); ++s) {
            const StageId id = image.stages.at(s).id;
            const StageStatus status = statuses.value(statusKey(image, id), StageStatus::Unknown);
            const QColor fill = stageStatusColor(status).lighter(165);
            dot += QStringLiteral("    %1 [label=%2, fillcolor=\"%3\", tooltip=%4];\n")
                           .arg(stageNode(i, s),
                                quoted(stageName(id)),
                                fill.name(),
                                quoted(stageStatusName(status)));
        }
        for (int s = 0; s + 1 < image.stages.size(); ++s)
            dot += QStringLiteral("    %1 -> %2 [arrowsize=0.5, color=\"#8a8f98\"];\n")
                           .arg(stageNode(i, s), stageNode(i, s + 1));
        dot += QStringLiteral("  }\n");
    }
    for (const ConveyorEdge &edge : conveyor.edges) {
        if (edge.source < 0 || edge.source >= conveyor.images.size() || edge.target < 0
            || edge.target >= conveyor.images.size()) {
            continue;
        }
        const ConveyorImage &source = conveyor.images.at(edge.source);
        const ConveyorImage &target = conveyor.images.at(edge.target);
        QString from = imageNode(edge.source);
        if (!source.stages.isEmpty() && source.kind != ImageKind::External) {
            int row = int(source.stages.size()) - 1;
            if (edge.sourceStage) {
                const int r = stageRowOf(source, *edge.sourceStage);
                if (r >= 0)
                    row = r;
            }
            from = stageNode(edge.source, row);
        }
        QString to = imageNode(edge.target);
        if (!target.stages.isEmpty()) {
            const int r = stageRowOf(target, edge.targetStage);
            to = stageNode(edge.target, r >= 0 ? r : 0);
        }
        QString attributes;
        switch (edge.kind) {
        case EdgeKind::FromImage:
        case EdgeKind::FromImageArtifact:
        case EdgeKind::FromExternal:
            attributes = QStringLiteral("style=solid, penwidth=1.6");
            break;
        case EdgeKind::Import:
            attributes = QStringLiteral("style=dashed, label=%1").arg(quoted(edge.label));
            break;
        case EdgeKind::Dependency:
            attributes = QStringLiteral("style=dotted");
            break;
        }
        dot += QStringLiteral("  %1 -> %2 [%3];\n").arg(from, to, attributes);
    }
    dot += QStringLiteral("}\n");
    return dot.toUtf8();
}

} // namespace Stagecraft::Model
