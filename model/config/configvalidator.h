// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"

namespace Stagecraft::Model {

struct WerfConfig;

/** werf's validateImagesNames (reference §2.2, whole-config check 1). */
Diagnostics validateImageNames(const WerfConfig &config);

/**
 * werf's exportsAutoExcluding (reference §2.3): fills the effectiveExcludePaths of git mappings
 * and imports, and reports `Conflict between imports!` for overlapping exports.
 */
Diagnostics autoExcludeExports(WerfConfig &config);

} // namespace Stagecraft::Model
