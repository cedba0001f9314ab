// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Stagecraft::Model {

struct Conveyor;

/**
 * Text forms of the conveyor graph for `stagecraft graph`.
 *
 * YAML has the shape of `werf config graph` (a list of `image:` with `dependsOn:` from / import /
 * dependencies, images sorted by name, external bases left out as werf leaves them out); JSON is
 * the same plus kinds, stages, edges with the stages they attach to, and the dependency sets.
 * DOT is conveyorToDot() (layout/dotwriter.h), shared with the export.
 */
namespace GraphWriter {

QByteArray toYaml(const Conveyor &conveyor);
QByteArray toJson(const Conveyor &conveyor);

} // namespace GraphWriter

} // namespace Stagecraft::Model
