// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conveyor/conveyor.h"
#include "models/stagestatus.h"

#include <QByteArray>

namespace Stagecraft::Model {

/**
 * The conveyor as a Graphviz digraph: one cluster per image with its stages in werf's order,
 * edges between the stages where they act (from* solid into `from`, imports dashed and labelled
 * into their imports stage, dependencies dotted), stages filled with their status colour.
 */
QByteArray conveyorToDot(const Conveyor &conveyor, const StageStatuses &statuses = {});

} // namespace Stagecraft::Model
