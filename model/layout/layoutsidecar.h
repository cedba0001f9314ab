// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointF>
#include <QSet>
#include <QString>

namespace Stagecraft::Model {

/**
 * What the user changed about the drawing of a project: dragged node positions and collapsed
 * nodes. It lives in `.stagecraft-layout.json` beside werf.yaml, never inside it, so the config
 * stays exactly as the user wrote it.
 */
struct LayoutSidecar
{
    QHash<QString, QPointF> positions; ///< imageKey() → top-left
    QSet<QString> collapsed;           ///< imageKey()s

    bool isEmpty() const { return positions.isEmpty() && collapsed.isEmpty(); }

    /** The sidecar path for a werf.yaml (or a project directory). */
    static QString pathFor(const QString &configFile);
    /** Reads a sidecar; a missing file is an empty sidecar, a broken one sets `error`. */
    static LayoutSidecar load(const QString &path, QString *error = nullptr);
    /** Writes atomically; an empty sidecar removes the file. */
    bool save(const QString &path, QString *error = nullptr) const;
};

} // namespace Stagecraft::Model
