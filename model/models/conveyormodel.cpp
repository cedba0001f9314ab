// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyormodel.h"

#include "common/tr.h"

#include <QEvent>
#include <QSet>

#include <algorithm>

namespace Stagecraft::Model {

namespace {

// internalId layout: 0 = image row; (image + 1) = stage row of that image;
// ((stageRow + 1) << 32) | (image + 1) = input row under that stage.
constexpr quint64 s_stageShift = 32;
constexpr quint64 s_imageMask = (quint64(1) << s_stageShift) - 1;

QString kindDisplayName(ImageKind kind)
{
    switch (kind) {
    case ImageKind::Image:
        return Tr::tr("image");
    case ImageKind::Artifact:
        return Tr::tr("artifact");
    case ImageKind::Dockerfile:
        return Tr::tr("Dockerfile image");
    case ImageKind::External:
        return Tr::tr("external base");
    }
    return {};
}

QString edgeKindDisplayName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::FromImage:
        return QStringLiteral("fromImage");
    case EdgeKind::FromImageArtifact:
        return QStringLiteral("fromImageArtifact");
    case EdgeKind::FromExternal:
        return QStringLiteral("from");
    case EdgeKind::Import:
        return QStringLiteral("import");
    case EdgeKind::Dependency:
        return QStringLiteral("dependencies");
    }
    return {};
}

// The loader may report a problem both in Conveyor::diagnostics and separately.
bool sameDiagnostic(const Diagnostic &a, const Diagnostic &b)
{
    return a.severity == b.severity && a.message == b.message && a.location == b.location;
}

} // namespace

ConveyorModel::ConveyorModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

ConveyorModel::~ConveyorModel() = default;

void ConveyorModel::setConveyor(const Conveyor &conveyor,
                                const Diagnostics &diagnostics,
                                const ConveyorInputs &inputs)
{
    beginResetModel();
    m_conveyor = conveyor;
    m_imageStatuses.clear();
    m_diagnostics = conveyor.diagnostics;
    for (const Diagnostic &d : diagnostics) {
        const bool known = std::any_of(m_diagnostics.cbegin(),
                                       m_diagnostics.cend(),
                                       [&d](const Diagnostic &other) {
                                           return sameDiagnostic(d, other);
                                       });
        if (!known)
            m_diagnostics.append(d);
    }
    m_readOnly = inputs.readOnlyImages;
    rebuildIndexes(inputs.stages);
    m_rowsByKey.clear();
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        const ConveyorImage &image = m_conveyor.images.at(i);
        for (int r = 0; r < image.stages.size(); ++r)
            m_rowsByKey[statusKey(image, image.stages.at(r).id)].append({i, r});
    }
    summarizeImages();
    endResetModel();
}

void ConveyorModel::rebuildIndexes(const StageInputTable &directives)
{
    m_inputs.clear();
    m_problems.clear();
    m_inputs.resize(m_conveyor.images.size());
    m_problems.resize(m_conveyor.images.size());
    // A table of another shape (another conveyor) is ignored rather than trusted.
    const bool useDirectives = directives.size() == m_conveyor.images.size();
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        const qsizetype stages = m_conveyor.images.at(i).stages.size();
        if (useDirectives && directives.at(i).size() == stages)
            m_inputs[i] = directives.at(i);
        m_inputs[i].resize(stages);
        // Edges are attached below, from this conveyor only.
        for (StageInputList &rows : m_inputs[i]) {
            for (StageInput &row : rows)
                row.edge = -1;
        }
    }
    for (int e = 0; e < m_conveyor.edges.size(); ++e) {
        const ConveyorEdge &edge = m_conveyor.edges.at(e);
        if (edge.target < 0 || edge.target >= m_conveyor.images.size())
            continue;
        const QList<ConveyorStage> &stages = m_conveyor.images.at(edge.target).stages;
        for (int s = 0; s < stages.size(); ++s) {
            if (stages.at(s).id != edge.targetStage)
                continue;
            StageInputList &rows = m_inputs[edge.target][s];
            // The directive that names the source image stands for the edge.
            const auto directive = std::find_if(rows.begin(), rows.end(), [&edge](const auto &r) {
                return r.edge < 0 && !r.directive.isEmpty() && edge.location.isValid()
                       && r.reference == edge.location;
            });
            if (directive != rows.end()) {
                directive->edge = e;
            } else {
                StageInput row;
                row.edge = e;
                row.location = edge.location;
                row.value = edgeDescription(e);
                rows.append(row);
            }
            break;
        }
    }
    for (int d = 0; d < m_diagnostics.size(); ++d) {
        const int image = imageForDiagnostic(m_diagnostics.at(d));
        if (image >= 0)
            m_problems[image].append(d);
    }
}

int ConveyorModel::imageForDiagnostic(const Diagnostic &diagnostic) const
{
    const SourceLocation &at = diagnostic.location;
    if (at.file.isEmpty() || at.line <= 0)
        return -1;
    int best = -1;
    int bestLine = 0;
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        const SourceLocation &loc = m_conveyor.images.at(i).location;
        if (loc.file != at.file || loc.line <= 0 || loc.line > at.line)
            continue;
        if (loc.line > bestLine) {
            best = i;
            bestLine = loc.line;
        }
    }
    return best;
}

namespace {

/** The keys whose values differ between two keyed maps (added, removed or changed). */
template<typename Map>
void collectChangedKeys(const Map &before, const Map &after, QSet<QString> &keys)
{
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto other = after.constFind(it.key());
        if (other == after.cend() || !(*other == *it))
            keys.insert(it.key());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            keys.insert(it.key());
    }
}

} // namespace

void ConveyorModel::setStatuses(const StageStatuses &statuses)
{
    if (statuses == m_statuses)
        return;
    QSet<QString> changed;
    collectChangedKeys(m_statuses, statuses, changed);
    const QList<StageStatus> summaries = m_imageStatuses;
    m_statuses = statuses;
    summarizeImages();
    emitChanged(changed, summaries);
    emit statusesChanged();
}

void ConveyorModel::setSignatures(const StageSignatures &signatures)
{
    if (signatures == m_signatures)
        return;
    QSet<QString> changed;
    collectChangedKeys(m_signatures, signatures, changed);
    m_signatures = signatures;
    emitChanged(changed, m_imageStatuses);
}

void ConveyorModel::setStageReasons(const QHash<QString, QStringList> &reasons)
{
    if (reasons == m_reasons)
        return;
    QSet<QString> changed;
    collectChangedKeys(m_reasons, reasons, changed);
    m_reasons = reasons;
    emitChanged(changed, m_imageStatuses);
}

void ConveyorModel::setSignaturesAndReasons(const StageSignatures &signatures,
                                            const QHash<QString, QStringList> &reasons)
{
    if (signatures == m_signatures && reasons == m_reasons)
        return;
    QSet<QString> changed;
    collectChangedKeys(m_signatures, signatures, changed);
    collectChangedKeys(m_reasons, reasons, changed);
    m_signatures = signatures;
    m_reasons = reasons;
    emitChanged(changed, m_imageStatuses);
}

void ConveyorModel::emitChanged(const QSet<QString> &keys, const QList<StageStatus> &summaries)
{
    // Views do per-row work for every row a dataChanged covers (QTreeView measures each row's
    // height, a ResizeToContents header each cell): only the rows whose data changed, as few
    // contiguous ranges as possible.
    QList<QList<int>> stageRows(m_conveyor.images.size());
    for (const QString &key : keys) {
        const auto it = m_rowsByKey.constFind(key);
        if (it == m_rowsByKey.cend())
            continue;
        for (const QPair<int, int> &row : *it)
            stageRows[row.first].append(row.second);
    }
    auto emitRuns = [this](QList<int> rows, const QModelIndex &parent) {
        std::sort(rows.begin(), rows.end());
        for (qsizetype i = 0; i < rows.size();) {
            qsizetype j = i;
            while (j + 1 < rows.size() && rows.at(j + 1) <= rows.at(j) + 1)
                ++j;
            emit dataChanged(index(rows.at(i), 0, parent),
                             index(rows.at(j), ColumnCount - 1, parent));
            i = j + 1;
        }
    };
    QList<int> imageRows;
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        if (i >= summaries.size() || i >= m_imageStatuses.size()
            || summaries.at(i) != m_imageStatuses.at(i))
            imageRows.append(i);
    }
    emitRuns(imageRows, QModelIndex());
    for (int i = 0; i < stageRows.size(); ++i) {
        if (!stageRows.at(i).isEmpty())
            emitRuns(stageRows.at(i), index(i, 0));
    }
}

void ConveyorModel::setReadOnlyImages(const QHash<int, QString> &reasons)
{
    m_readOnly = reasons;
    emitAllDataChanged();
}

void ConveyorModel::emitAllDataChanged()
{
    const int rows = rowCount();
    if (rows == 0)
        return;
    // Statuses change per stage; one signal for the images and one per image's stages keeps
    // views cheap and correct (a view may lay out all its rows again on every signal).
    emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    for (int i = 0; i < rows; ++i) {
        const QModelIndex image = index(i, 0);
        const int stages = rowCount(image);
        if (stages > 0)
            emit dataChanged(index(0, 0, image), index(stages - 1, ColumnCount - 1, image));
    }
}

StageStatus ConveyorModel::stageStatus(int image, StageId stage) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return StageStatus::Unknown;
    return m_statuses.value(statusKey(m_conveyor.images.at(image), stage), StageStatus::Unknown);
}

StageStatus ConveyorModel::imageStatus(int image) const
{
    if (image < 0 || image >= m_imageStatuses.size())
        return StageStatus::Unknown;
    return m_imageStatuses.at(image);
}

void ConveyorModel::summarizeImages()
{
    // Views ask for an image's summary on every paint of its row; it changes only with statuses.
    m_imageStatuses.clear();
    m_imageStatuses.reserve(m_conveyor.images.size());
    for (int i = 0; i < m_conveyor.images.size(); ++i) {
        QList<StageStatus> statuses;
        for (const ConveyorStage &s : m_conveyor.images.at(i).stages)
            statuses.append(stageStatus(i, s.id));
        m_imageStatuses.append(summarizeStatuses(statuses));
    }
}

QString ConveyorModel::stageSignature(int image, StageId stage) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return {};
    return m_signatures.value(statusKey(m_conveyor.images.at(image), stage));
}

QStringList ConveyorModel::stageReasons(int image, StageId stage) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return {};
    return m_reasons.value(statusKey(m_conveyor.images.at(image), stage));
}

QModelIndex ConveyorModel::indexForImage(int image, int column) const
{
    if (image < 0 || image >= m_conveyor.images.size())
        return {};
    return index(image, column);
}

QModelIndex ConveyorModel::indexForStage(int image, StageId stage, int column) const
{
    const QModelIndex parentIndex = indexForImage(image);
    if (!parentIndex.isValid())
        return {};
    const QList<ConveyorStage> &stages = m_conveyor.images.at(image).stages;
    for (int s = 0; s < stages.size(); ++s) {
        if (stages.at(s).id == stage)
            return index(s, column, parentIndex);
    }
    return {};
}

ConveyorModel::Node ConveyorModel::nodeFor(const QModelIndex &index) const
{
    Node node;
    if (!index.isValid())
        return node;
    const quint64 id = index.internalId();
    if (id == 0) {
        node.type = NodeType::Image;
        node.image = index.row();
    } else if ((id >> s_stageShift) == 0) {
        node.type = NodeType::Stage;
        node.image = int(id - 1);
        node.stageRow = index.row();
    } else {
        node.type = NodeType::Input;
        node.image = int((id & s_imageMask) - 1);
        node.stageRow = int((id >> s_stageShift) - 1);
        node.inputRow = index.row();
    }
    return node;
}

int ConveyorModel::imageForIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return nodeFor(index).image;
}

std::optional<StageId> ConveyorModel::stageForIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    const Node node = nodeFor(index);
    if (node.type == NodeType::Image)
        return std::nullopt;
    return m_conveyor.images.at(node.image).stages.at(node.stageRow).id;
}

int ConveyorModel::edgeForIndex(const QModelIndex &index) const
{
    const StageInput *input = inputForIndex(index);
    return input ? input->edge : -1;
}

const StageInput *ConveyorModel::inputForIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node node = nodeFor(index);
    if (node.type != NodeType::Input)
        return nullptr;
    return &m_inputs.at(node.image).at(node.stageRow).at(node.inputRow);
}

Diagnostics ConveyorModel::problemsForInput(int image, const StageInput &input) const
{
    Diagnostics result;
    if (image < 0 || image >= m_problems.size() || input.location.line <= 0)
        return result;
    for (int d : m_problems.at(image)) {
        const Diagnostic &diag = m_diagnostics.at(d);
        if (diag.location.line == input.location.line && diag.location.file == input.location.file)
            result.append(diag);
    }
    return result;
}

Diagnostics ConveyorModel::problemsForImage(int image) const
{
    Diagnostics result;
    if (image < 0 || image >= m_problems.size())
        return result;
    for (int d : m_problems.at(image))
        result.append(m_diagnostics.at(d));
    return result;
}

Diagnostics ConveyorModel::problemsForStage(int image, StageId stage) const
{
    Diagnostics result;
    if (image < 0 || image >= m_problems.size())
        return result;
    const QList<ConveyorStage> &stages = m_conveyor.images.at(image).stages;
    for (const ConveyorStage &s : stages) {
        if (s.id != stage || s.location.line <= 0)
            continue;
        for (int d : m_problems.at(image)) {
            const Diagnostic &diag = m_diagnostics.at(d);
            if (diag.location.line == s.location.line && diag.location.file == s.location.file)
                result.append(diag);
        }
    }
    return result;
}

QString ConveyorModel::edgeDescription(int edge) const
{
    if (edge < 0 || edge >= m_conveyor.edges.size())
        return {};
    const ConveyorEdge &e = m_conveyor.edges.at(edge);
    const QString source = e.source >= 0 && e.source < m_conveyor.images.size()
                                   ? m_conveyor.images.at(e.source).displayName()
                                   : QStringLiteral("?");
    QString text = edgeKindDisplayName(e.kind) + u' ' + source;
    if (e.kind == EdgeKind::Import) {
        if (e.sourceStage)
            text += u'/' + stageName(*e.sourceStage);
        if (!e.label.isEmpty())
            text += QStringLiteral(": ") + e.label;
    }
    return text;
}

QModelIndex ConveyorModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const Node node = nodeFor(parent);
    switch (node.type) {
    case NodeType::Image:
        return createIndex(row, column, quintptr(node.image + 1));
    case NodeType::Stage:
        return createIndex(row,
                           column,
                           quintptr((quint64(node.stageRow + 1) << s_stageShift)
                                    | quint64(node.image + 1)));
    case NodeType::Input:
        break;
    }
    return {};
}

QModelIndex ConveyorModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node node = nodeFor(child);
    switch (node.type) {
    case NodeType::Image:
        return {};
    case NodeType::Stage:
        return createIndex(node.image, 0, quintptr(0));
    case NodeType::Input:
        return createIndex(node.stageRow, 0, quintptr(node.image + 1));
    }
    return {};
}

int ConveyorModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_conveyor.images.size());
    if (parent.column() != 0)
        return 0;
    const Node node = nodeFor(parent);
    switch (node.type) {
    case NodeType::Image:
        return int(m_conveyor.images.at(node.image).stages.size());
    case NodeType::Stage:
        return int(m_inputs.at(node.image).at(node.stageRow).size());
    case NodeType::Input:
        return 0;
    }
    return 0;
}

int ConveyorModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags ConveyorModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (rowCount(index) == 0)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant ConveyorModel::locationData(const SourceLocation &location, int role) const
{
    switch (role) {
    case LocationRole:
        return location.line > 0 ? location.toString() : QString();
    case FileRole:
        return location.file;
    case LineRole:
        return location.line;
    case ColumnRole:
        return location.column;
    default:
        return {};
    }
}

QVariant ConveyorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node node = nodeFor(index);
    switch (node.type) {
    case NodeType::Image:
        return imageData(node.image, index.column(), role);
    case NodeType::Stage:
        return stageData(node.image, node.stageRow, index.column(), role);
    case NodeType::Input:
        return inputData(node.image, node.stageRow, node.inputRow, index.column(), role);
    }
    return {};
}

QVariant ConveyorModel::imageData(int image, int column, int role) const
{
    const ConveyorImage &img = m_conveyor.images.at(image);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return img.displayName();
        case KindColumn:
            return kindDisplayName(img.kind);
        case StatusColumn:
            return img.kind == ImageKind::External ? QString()
                                                   : stageStatusDisplayName(imageStatus(image));
        case SignatureColumn:
            return QString();
        case LocationColumn:
            return img.location.line > 0 ? img.location.toString() : QString();
        }
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn && img.kind != ImageKind::External)
            return stageStatusColor(imageStatus(image));
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const Diagnostic &d : problemsForImage(image))
            lines.append(d.toString());
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case NodeTypeRole:
        return int(NodeType::Image);
    case KindRole:
        return int(img.kind);
    case StatusRole:
        return int(imageStatus(image));
    case SignatureRole:
        return QString();
    case LocationRole:
    case FileRole:
    case LineRole:
    case ColumnRole:
        return locationData(img.location, role);
    case ReadOnlyRole:
        return img.kind == ImageKind::External || m_readOnly.contains(image);
    case ReadOnlyReasonRole:
        if (img.kind == ImageKind::External)
            return Tr::tr("External base images are not defined in werf.yaml.");
        return m_readOnly.value(image);
    case ProblemsRole: {
        QStringList lines;
        for (const Diagnostic &d : problemsForImage(image))
            lines.append(d.toString());
        return lines;
    }
    case ImageIndexRole:
        return image;
    case StageIdRole:
    case EdgeIndexRole:
        return -1;
    default:
        return {};
    }
}

QVariant ConveyorModel::stageData(int image, int stageRow, int column, int role) const
{
    const ConveyorImage &img = m_conveyor.images.at(image);
    const ConveyorStage &stage = img.stages.at(stageRow);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return stageName(stage.id);
        case KindColumn:
            return Tr::tr("stage");
        case StatusColumn:
            return stageStatusDisplayName(stageStatus(image, stage.id));
        case SignatureColumn:
            return stageSignature(image, stage.id);
        case LocationColumn:
            return stage.location.line > 0 ? stage.location.toString() : QString();
        }
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return stageStatusColor(stageStatus(image, stage.id));
        return {};
    case Qt::ToolTipRole: {
        QStringList lines = stageReasons(image, stage.id);
        for (const Diagnostic &d : problemsForStage(image, stage.id))
            lines.append(d.toString());
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case ReasonsRole:
        return stageReasons(image, stage.id);
    case NodeTypeRole:
        return int(NodeType::Stage);
    case KindRole:
    case StageIdRole:
        return int(stage.id);
    case StatusRole:
        return int(stageStatus(image, stage.id));
    case SignatureRole:
        return stageSignature(image, stage.id);
    case LocationRole:
    case FileRole:
    case LineRole:
    case ColumnRole:
        return locationData(stage.location, role);
    case ReadOnlyRole:
        return m_readOnly.contains(image);
    case ReadOnlyReasonRole:
        return m_readOnly.value(image);
    case ProblemsRole: {
        QStringList lines;
        for (const Diagnostic &d : problemsForStage(image, stage.id))
            lines.append(d.toString());
        return lines;
    }
    case ImageIndexRole:
        return image;
    case EdgeIndexRole:
        return -1;
    default:
        return {};
    }
}

QVariant ConveyorModel::inputData(int image, int stageRow, int inputRow, int column, int role) const
{
    const StageInput &input = m_inputs.at(image).at(stageRow).at(inputRow);
    const ConveyorEdge *edge = input.edge >= 0 ? &m_conveyor.edges.at(input.edge) : nullptr;
    const QString directive = !input.directive.isEmpty() ? input.directive
                              : edge                     ? edgeKindDisplayName(edge->kind)
                                                         : QString();
    auto problemLines = [&] {
        QStringList lines;
        for (const Diagnostic &d : problemsForInput(image, input))
            lines.append(d.toString());
        return lines;
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            // Edge rows read as before ("fromImage base"); directives as written ("install: …").
            return input.directive.isEmpty() ? input.value
                                             : input.directive + QStringLiteral(": ") + input.value;
        case KindColumn:
            return directive;
        case LocationColumn:
            return input.location.line > 0 ? input.location.toString() : QString();
        default:
            return QString();
        }
    case Qt::ToolTipRole: {
        QStringList lines{input.value};
        if (input.location.line > 0)
            lines.append(input.location.toString());
        if (input.generated)
            lines.append(input.generatedReason);
        lines += problemLines();
        return lines.join(u'\n');
    }
    case NodeTypeRole:
        return int(NodeType::Input);
    case KindRole:
        return edge ? int(edge->kind) : -1;
    case StatusRole:
        return int(StageStatus::Unknown);
    case SignatureRole:
        return QString();
    case LocationRole:
    case FileRole:
    case LineRole:
    case ColumnRole:
        return locationData(input.location, role);
    case ReadOnlyRole:
        return input.generated || m_readOnly.contains(image);
    case ReadOnlyReasonRole:
        return input.generated ? input.generatedReason : m_readOnly.value(image);
    case ProblemsRole:
        return problemLines();
    case ImageIndexRole:
        return image;
    case StageIdRole:
        return int(m_conveyor.images.at(image).stages.at(stageRow).id);
    case EdgeIndexRole:
        return input.edge;
    case DirectiveRole:
        return directive;
    case ValueRole:
        return input.value;
    default:
        return {};
    }
}

QVariant ConveyorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case SignatureColumn:
        return tr("Signature");
    case LocationColumn:
        return tr("Location");
    default:
        return {};
    }
}

bool ConveyorModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    return QAbstractItemModel::event(event);
}

} // namespace Stagecraft::Model
