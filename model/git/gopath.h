// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Stagecraft::Model {

/**
 * Go's lexical path functions (path/filepath on a '/' system), which werf applies to every git
 * and import path before hashing or matching. Reproduced because their corner cases (Clean("")
 * is ".", Join drops empty elements) end up inside signatures.
 */
namespace GoPath {

/** filepath.Clean: the shortest equivalent path; "" becomes ".". */
QByteArray clean(const QByteArray &path);
/** filepath.Join: the non-empty elements joined with '/' and cleaned; all empty gives "". */
QByteArray join(const QList<QByteArray> &elements);
/**
 * filepath.Rel for paths that are both absolute or both relative.
 * @return the relative path, or a null QByteArray where Go returns an error.
 */
QByteArray rel(const QByteArray &basePath, const QByteArray &targetPath);
/** Split on '/' except where the '/' is escaped with a backslash (doublestar, werf util). */
QList<QByteArray> splitEscaped(const QByteArray &path, char separator = '/');

} // namespace GoPath

} // namespace Stagecraft::Model
