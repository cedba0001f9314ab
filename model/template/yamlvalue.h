// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"

#include <QByteArray>

namespace Stagecraft::Model::Template {

/**
 * werf's `fromYaml`: yaml.v2 Unmarshal of a text into map[string]interface{}, with YAML 1.1
 * scalar resolution (yes/no/on/off booleans, 0755 octal, 0x hex, `_` in numbers, .inf/.nan,
 * timestamps kept as strings). Nested maps are map[interface {}]interface {} as yaml.v2 makes
 * them; lists are []interface {}. Throws FunctionError with a `yaml: ...` message on bad input.
 */
Value yamlToValue(const QByteArray &text);

/** Resolves one plain (unquoted) YAML 1.1 scalar the way yaml.v2 does. */
Value resolveYamlScalar(const QByteArray &plain);

} // namespace Stagecraft::Model::Template
