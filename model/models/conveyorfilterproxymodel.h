// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Stagecraft::Model {

/**
 * Filters the conveyor tree by a search text (image, stage or input names, case-insensitive,
 * several words must all match) and optionally hides external base images. Filtering is recursive:
 * an image stays when one of its stages matches.
 */
class ConveyorFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConveyorFilterProxyModel)

public:
    explicit ConveyorFilterProxyModel(QObject *parent = nullptr);
    ~ConveyorFilterProxyModel() override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    void setShowExternal(bool show);
    bool showExternal() const { return m_showExternal; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    QStringList m_words;
    bool m_showExternal = true;
};

} // namespace Stagecraft::Model
