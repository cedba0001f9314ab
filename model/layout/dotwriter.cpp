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

/** Readable, unique node ids: "3/install@app" for stages, "ext:alpine#0" for external bases. */
QString stageNode(const Conveyor &conveyor, int image, StageId stage)
{
    return QString::number(image) + u'/' + stageName(stage) + u'@'
           + conveyor.images.at(image).displayName();
}

QString imageNode(const Conveyor &conveyor, int image)
{
    return QStringLiteral("ext:") + conveyor.images.at(image).name + u'#' + QString::number(image);
}

/** The stage an edge leaves: the import's `stage:` when the source has it, else its last stage. */
StageId sourceStageOf(const ConveyorImage &source, const ConveyorEdge &edge)
{
    if (edge.sourceStage && source.hasStage(*edge.sourceStage))
        return *edge.sourceStage;
    return source.stages.last().id;
}

} // namespace

QByteArray conveyorToDot(const Conveyor &conveyor, const StageStatuses &statuses)
{
    QString dot;
    dot += QStringLiteral("digraph werf {\n"
                          "  graph [rankdir=LR, compound=true, fontname=\"sans-serif\", "
                          "nodesep=0.25, ranksep=0.6];\n"
                          "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", "
                          "fontsize=10, fillcolor=\"#f4f6f8\"];\n"
                          "  edge [fontname=\"sans-serif\", fontsize=9];\n");
    for (int i = 0; i < conveyor.images.size(); ++i) {
        const ConveyorImage &image = conveyor.images.at(i);
        if (image.kind == ImageKind::External || image.stages.isEmpty()) {
            dot += QStringLiteral("  %1 [label=%2, style=\"rounded,dashed\", fillcolor=white];\n")
                           .arg(quoted(imageNode(conveyor, i)), quoted(image.displayName()));
            continue;
        }
        // The scene's kind colours; artifacts bold (dashed outlines are the external bases').
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
        for (const ConveyorStage &stage : image.stages) {
            const auto status = statuses.constFind(statusKey(image, stage.id));
            // Without a plan the stages keep the neutral fill rather than "unknown" grey.
            QString attributes;
            if (status != statuses.cend())
                attributes = QStringLiteral(", fillcolor=\"%1\", tooltip=%2")
                                     .arg(stageStatusColor(*status).lighter(165).name(),
                                          quoted(stageStatusName(*status)));
            dot += QStringLiteral("    %1 [label=%2%3];\n")
                           .arg(quoted(stageNode(conveyor, i, stage.id)),
                                quoted(stageName(stage.id)),
                                attributes);
        }
        for (int s = 0; s + 1 < image.stages.size(); ++s)
            dot += QStringLiteral("    %1 -> %2 [arrowsize=0.5, color=\"#8a8f98\"];\n")
                           .arg(quoted(stageNode(conveyor, i, image.stages.at(s).id)),
                                quoted(stageNode(conveyor, i, image.stages.at(s + 1).id)));
        dot += QStringLiteral("  }\n");
    }
    for (const ConveyorEdge &edge : conveyor.edges) {
        if (edge.source < 0 || edge.source >= conveyor.images.size() || edge.target < 0
            || edge.target >= conveyor.images.size()) {
            continue;
        }
        const ConveyorImage &source = conveyor.images.at(edge.source);
        const ConveyorImage &target = conveyor.images.at(edge.target);
        if (target.stages.isEmpty())
            continue;
        const QString from = source.kind == ImageKind::External || source.stages.isEmpty()
                                     ? imageNode(conveyor, edge.source)
                                     : stageNode(conveyor, edge.source, sourceStageOf(source, edge));
        const StageId targetStage = target.hasStage(edge.targetStage) ? edge.targetStage
                                                                      : target.stages.first().id;
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
        dot += QStringLiteral("  %1 -> %2 [%3];\n")
                       .arg(quoted(from),
                            quoted(stageNode(conveyor, edge.target, targetStage)),
                            attributes);
    }
    dot += QStringLiteral("}\n");
    return dot.toUtf8();
}

} // namespace Stagecraft::Model
