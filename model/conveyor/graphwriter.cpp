// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphwriter.h"

#include "conveyor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Stagecraft::Model::GraphWriter {

namespace {

QString edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::FromImage:
        return QStringLiteral("fromImage");
    case EdgeKind::FromImageArtifact:
        return QStringLiteral("fromImageArtifact");
    case EdgeKind::FromExternal:
        return QStringLiteral("fromExternal");
    case EdgeKind::Import:
        return QStringLiteral("import");
    case EdgeKind::Dependency:
        return QStringLiteral("dependency");
    }
    return {};
}

/** Defined images (not external bases) in name order, the order `werf config graph` prints. */
QList<int> definedImagesByName(const Conveyor &conveyor)
{
    QList<int> order;
    for (int i = 0; i < conveyor.images.size(); ++i) {
        if (conveyor.images.at(i).kind != ImageKind::External)
            order.append(i);
    }
    std::stable_sort(order.begin(), order.end(), [&conveyor](int a, int b) {
        return conveyor.images.at(a).name < conveyor.images.at(b).name;
    });
    return order;
}

struct DependsOn
{
    QString from;
    QString fromExternal;
    QStringList imports;
    QStringList dependencies;

    bool isEmpty() const { return from.isEmpty() && imports.isEmpty() && dependencies.isEmpty(); }
};

DependsOn dependsOn(const Conveyor &conveyor, int image)
{
    DependsOn d;
    for (int e : conveyor.incomingEdges(image)) {
        const ConveyorEdge &edge = conveyor.edges.at(e);
        const QString source = conveyor.images.at(edge.source).displayName();
        switch (edge.kind) {
        case EdgeKind::FromImage:
        case EdgeKind::FromImageArtifact:
            d.from = source;
            break;
        case EdgeKind::FromExternal:
            d.fromExternal = conveyor.images.at(edge.source).name;
            break;
        case EdgeKind::Import:
            if (!d.imports.contains(source))
                d.imports.append(source);
            break;
        case EdgeKind::Dependency:
            if (!d.dependencies.contains(source))
                d.dependencies.append(source);
            break;
        }
    }
    return d;
}

/** A YAML scalar that reads back as the same string (names are usually plain). */
QByteArray yamlScalar(const QString &value)
{
    static const QString special = QStringLiteral(":#{}[],&*!|>'\"%@`");
    bool plain = !value.isEmpty() && value != u"~" && !value.front().isSpace()
                 && !value.back().isSpace() && value.front() != u'-' && value.front() != u'?';
    for (const QChar c : value) {
        if (special.contains(c) || c.unicode() < 0x20)
            plain = false;
    }
    const QString lower = value.toLower();
    static const QStringList reserved{QStringLiteral("true"),
                                      QStringLiteral("false"),
                                      QStringLiteral("yes"),
                                      QStringLiteral("no"),
                                      QStringLiteral("on"),
                                      QStringLiteral("off"),
                                      QStringLiteral("y"),
                                      QStringLiteral("n"),
                                      QStringLiteral("null")};
    bool isNumber = false;
    value.toDouble(&isNumber);
    if (plain && !reserved.contains(lower) && !isNumber)
        return value.toUtf8();
    QString quoted = value;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return '"' + quoted.toUtf8() + '"';
}

/** The stage an edge leaves: the import's `stage:` when present, else the source's last stage. */
std::optional<StageId> sourceStageOf(const Conveyor &conveyor, const ConveyorEdge &edge)
{
    const ConveyorImage &source = conveyor.images.at(edge.source);
    if (source.stages.isEmpty())
        return std::nullopt;
    if (edge.sourceStage && source.hasStage(*edge.sourceStage))
        return edge.sourceStage;
    return source.stages.last().id;
}

} // namespace

QByteArray toYaml(const Conveyor &conveyor)
{
    QByteArray out;
    for (int i : definedImagesByName(conveyor)) {
        const ConveyorImage &image = conveyor.images.at(i);
        out += "- image: " + yamlScalar(image.displayName()) + '\n';
        const DependsOn d = dependsOn(conveyor, i);
        if (d.isEmpty())
            continue;
        out += "  dependsOn:\n";
        if (!d.from.isEmpty())
            out += "    from: " + yamlScalar(d.from) + '\n';
        if (!d.imports.isEmpty()) {
            out += "    import:\n";
            for (const QString &name : d.imports)
                out += "    - " + yamlScalar(name) + '\n';
        }
        if (!d.dependencies.isEmpty()) {
            out += "    dependencies:\n";
            for (const QString &name : d.dependencies)
                out += "    - " + yamlScalar(name) + '\n';
        }
    }
    return out;
}

QByteArray toJson(const Conveyor &conveyor)
{
    QJsonArray images;
    for (int i : definedImagesByName(conveyor)) {
        const ConveyorImage &image = conveyor.images.at(i);
        QJsonObject o;
        o.insert(QStringLiteral("image"), image.displayName());
        o.insert(QStringLiteral("kind"), imageKindName(image.kind));
        o.insert(QStringLiteral("set"), image.set);
        if (image.location.isValid())
            o.insert(QStringLiteral("location"), image.location.toString());
        QJsonArray stages;
        for (const ConveyorStage &stage : image.stages) {
            QJsonObject s;
            s.insert(QStringLiteral("name"), stageName(stage.id));
            if (stage.location.isValid())
                s.insert(QStringLiteral("location"), stage.location.toString());
            stages.append(s);
        }
        o.insert(QStringLiteral("stages"), stages);
        const DependsOn d = dependsOn(conveyor, i);
        QJsonObject deps;
        if (!d.from.isEmpty())
            deps.insert(QStringLiteral("from"), d.from);
        if (!d.fromExternal.isEmpty())
            deps.insert(QStringLiteral("fromExternal"), d.fromExternal);
        if (!d.imports.isEmpty())
            deps.insert(QStringLiteral("import"), QJsonArray::fromStringList(d.imports));
        if (!d.dependencies.isEmpty())
            deps.insert(QStringLiteral("dependencies"), QJsonArray::fromStringList(d.dependencies));
        if (!deps.isEmpty())
            o.insert(QStringLiteral("dependsOn"), deps);
        images.append(o);
    }

    QJsonArray edges;
    for (const ConveyorEdge &edge : conveyor.edges) {
        QJsonObject e;
        e.insert(QStringLiteral("kind"), edgeKindName(edge.kind));
        e.insert(QStringLiteral("source"), conveyor.images.at(edge.source).displayName());
        e.insert(QStringLiteral("sourceKind"), imageKindName(conveyor.images.at(edge.source).kind));
        if (const auto stage = sourceStageOf(conveyor, edge))
            e.insert(QStringLiteral("sourceStage"), stageName(*stage));
        e.insert(QStringLiteral("target"), conveyor.images.at(edge.target).displayName());
        e.insert(QStringLiteral("targetStage"), stageName(edge.targetStage));
        if (!edge.label.isEmpty())
            e.insert(QStringLiteral("label"), edge.label);
        if (edge.location.isValid())
            e.insert(QStringLiteral("location"), edge.location.toString());
        edges.append(e);
    }

    QJsonArray sets;
    for (const QList<int> &set : conveyor.sets) {
        QJsonArray names;
        for (int i : set)
            names.append(conveyor.images.at(i).displayName());
        sets.append(names);
    }

    QJsonObject root;
    root.insert(QStringLiteral("images"), images);
    root.insert(QStringLiteral("edges"), edges);
    root.insert(QStringLiteral("sets"), sets);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Stagecraft::Model::GraphWriter
