// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/configloader.h"

#include <QStringList>

class QTextStream;

namespace Stagecraft::Model {

/**
 * `stagecraft edit PATH (IMAGE | --meta) [KEY=VALUE]... [--unset KEY]... [--output OUT]`.
 *
 * Applies the same Document edits as the GUI: each KEY=VALUE sets a dotted directive path to a
 * YAML flow value, each --unset removes one (sets first, then unsets, each in the order given).
 * Writes in place (or to OUT) through QSaveFile; with no KEY it re-saves the file unchanged.
 *
 * Exit codes: 0 written and valid; 1 refused (bad key or value, template-produced text: a
 * FILE:LINE:COL error, nothing written) or written but the result has problems (printed);
 * 2 usage error. `arguments` are the words after `edit`.
 */
int runEditCommand(const QStringList &arguments,
                   QTextStream &out,
                   QTextStream &err,
                   const LoadOptions &options = {});

} // namespace Stagecraft::Model
