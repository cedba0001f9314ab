// SPDX-License-Identifier: GPL-3.0-or-later
#include "conveyorfilterproxymodel.h"

#include "conveyor/conveyor.h"
#include "conveyormodel.h"

namespace Stagecraft::Model {

ConveyorFilterProxyModel::ConveyorFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

ConveyorFilterProxyModel::~ConveyorFilterProxyModel() = default;

void ConveyorFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = text.split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void ConveyorFilterProxyModel::setShowExternal(bool show)
{
    if (show == m_showExternal)
        return;
    m_showExternal = show;
    invalidateRowsFilter();
}

bool ConveyorFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!sourceParent.isValid() && !m_showExternal
        && index.data(ConveyorModel::KindRole).toInt() == int(ImageKind::External)) {
        return false;
    }
    if (m_words.isEmpty())
        return true;
    const QString name = index.data(Qt::DisplayRole).toString();
    for (const QString &word : m_words) {
        if (!name.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Stagecraft::Model
