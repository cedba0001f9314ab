// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemsmodel.h"

#include <QColor>
#include <QEvent>

#include <algorithm>

namespace Stagecraft::Model {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ProblemsModel::~ProblemsModel() = default;

void ProblemsModel::setDiagnostics(const Diagnostics &diagnostics, const QList<int> &images)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    m_images = images;
    m_images.resize(m_diagnostics.size(), -1);
    endResetModel();
}

int ProblemsModel::errorCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Severity::Error;
    }));
}

int ProblemsModel::warningCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Severity::Warning;
    }));
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_diagnostics.size())
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            switch (d.severity) {
            case Severity::Error:
                return tr("Error");
            case Severity::Warning:
                return tr("Warning");
            case Severity::Note:
                return tr("Note");
            }
            return {};
        case MessageColumn:
            return d.message;
        case LocationColumn:
            return d.location.toString();
        }
        return {};
    case Qt::ToolTipRole:
        return d.toString();
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn && d.severity == Severity::Error)
            return QColor(0xcf, 0x22, 0x2e);
        if (index.column() == SeverityColumn && d.severity == Severity::Warning)
            return QColor(0xb0, 0x6a, 0x00);
        return {};
    case SeverityRole:
        return int(d.severity);
    case FileRole:
        return d.location.file;
    case LineRole:
        return d.location.line;
    case ColumnRole:
        return d.location.column;
    case ImageIndexRole:
        return m_images.value(index.row(), -1);
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case LocationColumn:
        return tr("Location");
    }
    return {};
}

bool ProblemsModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    return QAbstractTableModel::event(event);
}

} // namespace Stagecraft::Model
