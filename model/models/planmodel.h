// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signature/plandiff.h"
#include "stagestatus.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace Stagecraft::Model {

/** What the window shows of a what-if, keyed like StageStatuses (statusKey: "image/stage"). */
struct PlanOverlay
{
    /** Invalidated for the stages werf would rebuild (invalidated and added); nothing else. */
    StageStatuses statuses;
    /** The current signature of every stage that has one. */
    StageSignatures signatures;
    /** The reasons of every invalidated stage ("why"). */
    QHash<QString, QStringList> reasons;

    static PlanOverlay fromChanges(const QList<StageChange> &changes);
};

/**
 * The Plan panel: every stage of the current plan against the baseline, as a tree of images and
 * their stages, with both signatures, the status (unchanged, invalidated, ...) and the reasons.
 */
class PlanModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanModel)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< int: StageChange::Kind (stages); images: their worst
        ReasonsRole,                 ///< QStringList (stages)
        ImageNameRole,               ///< QString: display name ("~" for nameless)
        StageNameRole,               ///< QString: werf's stage name, "" on image rows
        CauseRole,                   ///< QString: StageChange::causeName()
        StatusKeyRole,               ///< QString: statusKey ("image/stage"), "" on image rows
    };
    Q_ENUM(Roles)

    enum Column {
        NameColumn,
        StatusColumn,
        ReasonsColumn,
        BaselineSignatureColumn,
        SignatureColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit PlanModel(QObject *parent = nullptr);
    ~PlanModel() override;

    /** Replaces everything (a model reset). */
    void setChanges(const QList<StageChange> &changes);
    /** Number of stages werf would rebuild (invalidated or added). */
    int rebuildCount() const { return m_rebuild; }
    /** The stage row of "image/stage", invalid when absent. */
    QModelIndex indexForStage(const QString &image, const QString &stage, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /** The translated status word of a stage change. */
    static QString kindDisplayName(StageChange::Kind kind);

private:
    struct Image
    {
        QString name;
        ImageKind kind = ImageKind::Image;
        QList<StageChange> stages;
        int rebuild = 0;
    };
    QVariant imageData(const Image &image, int column, int role) const;
    QVariant stageData(const StageChange &change, int column, int role) const;

    QList<Image> m_images;
    int m_rebuild = 0;
};

} // namespace Stagecraft::Model
