// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Stagecraft::Model {

struct YamlNode;

/**
 * The bytes Go's encoding/json.Marshal produces, for the values werf hashes (reference §5.5):
 * the canonical JSON of an Ansible task is what its builder checksum is made of.
 */
namespace GoJson {

/** A Go string as json.Marshal writes it: HTML-safe (\u003c \u003e \u0026), U+2028/U+2029 escaped. */
QByteArray quote(const QByteArray &utf8);
/** A float64 as json.Marshal writes it ('f' or, below 1e-6 / from 1e21, 'e' form); nullopt for Inf/NaN. */
std::optional<QByteArray> formatFloat(double value);

/**
 * werf 1.1's canonical JSON of one Ansible task: the task map decoded with yaml.v2 (YAML 1.1
 * scalars), marshalled again and converted with ghodss/yaml.YAMLToJSON, i.e. sorted keys, no
 * whitespace, Go's escaping and number formatting; empty or null `block`/`rescue`/`always` lists
 * are dropped as the omitempty struct tags of werf's task type do.
 * @return std::nullopt with errorMessage where werf itself would fail (NaN, Inf, bad keys)
 */
std::optional<QByteArray> ansibleTask(const YamlNode &task, QString *errorMessage = nullptr);

/** The canonical JSON of any decoded YAML value (nested maps, sequences, scalars). */
std::optional<QByteArray> yamlValue(const YamlNode &node, QString *errorMessage = nullptr);

} // namespace GoJson

} // namespace Stagecraft::Model
