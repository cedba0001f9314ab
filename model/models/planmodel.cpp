// SPDX-License-Identifier: GPL-3.0-or-later
#include "planmodel.h"

#include "common/tr.h"

#include <QBrush>

namespace Stagecraft::Model {

namespace {

/** Internal ids: 0 for image rows, image index + 1 for their stage rows. */
constexpr quintptr imageRowId = 0;

bool rebuilds(StageChange::Kind kind)
{
    return kind == StageChange::Kind::Invalidated || kind == StageChange::Kind::Added;
}

QString changeKey(const StageChange &c)
{
    return c.image + u'/' + c.stageName;
}

} // namespace

PlanOverlay PlanOverlay::fromChanges(const QList<StageChange> &changes)
{
    PlanOverlay overlay;
    for (const StageChange &c : changes) {
        if (c.kind == StageChange::Kind::Removed)
            continue;
        const QString key = changeKey(c);
        if (!c.signatureAfter.isEmpty())
            overlay.signatures.insert(key, c.signatureAfter);
        if (rebuilds(c.kind)) {
            overlay.statuses.insert(key, StageStatus::Invalidated);
            overlay.reasons.insert(key, c.reasons());
        }
    }
    return overlay;
}

PlanModel::PlanModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

PlanModel::~PlanModel() = default;

void PlanModel::setChanges(const QList<StageChange> &changes)
{
    beginResetModel();
    m_images.clear();
    m_rebuild = 0;
    QHash<QString, qsizetype> index;
    for (const StageChange &c : changes) {
        const QString key = QString::number(int(c.imageKind)) + u'\n' + c.image;
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            it = index.insert(key, m_images.size());
            m_images.append({c.image, c.imageKind, {}, 0});
        }
        Image &image = m_images[*it];
        image.stages.append(c);
        if (rebuilds(c.kind)) {
            ++image.rebuild;
            ++m_rebuild;
        }
    }
    endResetModel();
}

QModelIndex PlanModel::indexForStage(const QString &image, const QString &stage, int column) const
{
    for (int i = 0; i < m_images.size(); ++i) {
        if (m_images.at(i).name != image)
            continue;
        for (int s = 0; s < m_images.at(i).stages.size(); ++s) {
            if (m_images.at(i).stages.at(s).stageName == stage)
                return createIndex(s, column, quintptr(i + 1));
        }
    }
    return {};
}

QModelIndex PlanModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_images.size() ? createIndex(row, column, imageRowId) : QModelIndex();
    if (parent.internalId() != imageRowId || parent.column() != 0)
        return {};
    const int image = parent.row();
    if (image >= m_images.size() || row >= m_images.at(image).stages.size())
        return {};
    return createIndex(row, column, quintptr(image + 1));
}

QModelIndex PlanModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == imageRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, imageRowId);
}

int PlanModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_images.size());
    if (parent.internalId() != imageRowId || parent.column() != 0)
        return 0;
    return int(m_images.at(parent.row()).stages.size());
}

int PlanModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == imageRowId)
        return imageData(m_images.at(index.row()), index.column(), role);
    const Image &image = m_images.at(int(index.internalId() - 1));
    return stageData(image.stages.at(index.row()), index.column(), role);
}

QVariant PlanModel::imageData(const Image &image, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return image.name;
        if (column == StatusColumn)
            return image.rebuild == 0 ? kindDisplayName(StageChange::Kind::Unchanged)
                                      : Tr::tr("%n stage(s) to rebuild", "", image.rebuild);
        return {};
    case Qt::ToolTipRole:
        return column == NameColumn ? QVariant(imageKindName(image.kind) + u' ' + image.name)
                                    : QVariant();
    case Qt::DecorationRole:
        return column == StatusColumn && image.rebuild > 0
                       ? QVariant(stageStatusColor(StageStatus::Invalidated))
                       : QVariant();
    case KindRole:
        return int(image.rebuild > 0 ? StageChange::Kind::Invalidated
                                     : StageChange::Kind::Unchanged);
    case ImageNameRole:
        return image.name;
    case StageNameRole:
    case CauseRole:
    case StatusKeyRole:
        return QString();
    case ReasonsRole:
        return QStringList();
    default:
        return {};
    }
}

QVariant PlanModel::stageData(const StageChange &change, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return change.stageName;
        case StatusColumn:
            return kindDisplayName(change.kind);
        case ReasonsColumn:
            return change.reasons().join(QStringLiteral("; "));
        case BaselineSignatureColumn:
            return change.signatureBefore;
        case SignatureColumn:
            return change.signatureAfter;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == ReasonsColumn || column == StatusColumn)
            return change.reasons().join(u'\n');
        if (column == BaselineSignatureColumn)
            return change.signatureBefore;
        if (column == SignatureColumn)
            return change.signatureAfter;
        return {};
    case Qt::DecorationRole:
        return column == StatusColumn && rebuilds(change.kind)
                       ? QVariant(stageStatusColor(StageStatus::Invalidated))
                       : QVariant();
    case KindRole:
        return int(change.kind);
    case ReasonsRole:
        return change.reasons();
    case ImageNameRole:
        return change.image;
    case StageNameRole:
        return change.stageName;
    case CauseRole:
        return change.causeName();
    case StatusKeyRole:
        return changeKey(change);
    default:
        return {};
    }
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return Tr::tr("Image / stage");
    case StatusColumn:
        return Tr::tr("Status");
    case ReasonsColumn:
        return Tr::tr("Why");
    case BaselineSignatureColumn:
        return Tr::tr("Baseline signature");
    case SignatureColumn:
        return Tr::tr("Signature");
    default:
        return {};
    }
}

QString PlanModel::kindDisplayName(StageChange::Kind kind)
{
    switch (kind) {
    case StageChange::Kind::Unchanged:
        return Tr::tr("unchanged");
    case StageChange::Kind::Added:
        return Tr::tr("new");
    case StageChange::Kind::Removed:
        return Tr::tr("removed");
    case StageChange::Kind::Invalidated:
        return Tr::tr("invalidated");
    case StageChange::Kind::NotComparable:
        return Tr::tr("not comparable");
    }
    return QString();
}

} // namespace Stagecraft::Model
