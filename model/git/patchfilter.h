// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pathmatcher.h"

#include <QByteArray>
#include <QString>

namespace Stagecraft::Model {

/**
 * werf 1.1's git diff filter (pkg/true_git/diff_parser.go): keeps the per-file sections of a
 * `git diff --full-index` whose path passes the mapping's matcher, rewrites their paths relative
 * to the mapping's `add`, and shortens the `index` hashes to 8 characters, as werf does before
 * hashing a gitLatestPatch or measuring a gitCache patch.
 */
class PatchFilter
{
public:
    struct Result
    {
        QByteArray patch;
        QList<QByteArray> paths;       ///< the kept files, relative to `add`
        QList<QByteArray> binaryPaths; ///< the kept files git showed as binary
        QString error;                 ///< werf's parse error, if the diff was not understood
    };

    static Result filter(const QByteArray &diff, const PathMatcher &matcher);
};

} // namespace Stagecraft::Model
