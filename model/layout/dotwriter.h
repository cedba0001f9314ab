// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "models/stagestatus.h"

#include <QByteArray>

namespace Stagecraft::Model {

/**
 * The conveyor as a Graphviz digraph, the one DOT writer of Stagecraft (`graph --format dot` and
 * `export OUT.dot`): one cluster per image with its stages in werf's order, external bases as
 * dashed nodes, edges between the stages where they act (from* solid into `from`, imports dashed
 * and labelled `add → to` from the source's `stage:` or last stage, dependencies dotted). Stages
 * with a status are filled with its colour; without statuses they keep a neutral fill.
 */
QByteArray conveyorToDot(const Conveyor &conveyor, const StageStatuses &statuses = {});

} // namespace Stagecraft::Model
