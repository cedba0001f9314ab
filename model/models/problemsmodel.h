// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"

#include <QAbstractTableModel>

namespace Stagecraft::Model {

/** The problems of the loaded project as a table: severity, message (werf's words), location. */
class ProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsModel)

public:
    enum Roles {
        SeverityRole = Qt::UserRole + 1, ///< int: Severity
        FileRole,                        ///< QString
        LineRole,                        ///< int, 0 when unknown
        ColumnRole,                      ///< int, 0 when unknown
        ImageIndexRole,                  ///< int: the image it belongs to, -1 when none
    };
    Q_ENUM(Roles)

    enum Column { SeverityColumn, MessageColumn, LocationColumn, ColumnCount };
    Q_ENUM(Column)

    explicit ProblemsModel(QObject *parent = nullptr);
    ~ProblemsModel() override;

    /** `images` is parallel to `diagnostics` (the image each belongs to, or -1); may be empty. */
    void setDiagnostics(const Diagnostics &diagnostics, const QList<int> &images = {});
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    bool event(QEvent *event) override;

private:
    Diagnostics m_diagnostics;
    QList<int> m_images;
};

} // namespace Stagecraft::Model
