// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "function.h"

namespace Stagecraft::Model::Template {

/**
 * Sprig's text function map as werf 1.1 builds it: sprig v2.20.0 TxtFuncMap(), plus every
 * sprig v3.2.2 function whose name v2 lacks. Each entry carries the Go parameter types of the
 * real function; werf's own functions (include, tpl, fromYaml, .Files) are not part of it.
 */
FunctionMap sprigFunctions();

} // namespace Stagecraft::Model::Template
