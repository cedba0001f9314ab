// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "conveyor/conveyor.h"

namespace Stagecraft::Model {

struct StapelImage;
struct WerfConfig;

/**
 * Builds the conveyor of a config: stage lists with werf's presence rules (reference §4.2),
 * dependency edges at the stages where they act, external base images, dependency sets (§4.1).
 *
 * Conveyor::diagnostics holds unknown references (werf's messages), dependency cycles
 * (`infinite loop detected: a -> b -> a`, one location per edge) and a note for every artifact
 * nothing uses.
 */
Conveyor buildConveyor(const WerfConfig &config);

/**
 * The stage list of one stapel image with werf's presence rules (reference §4.2) and where each
 * stage comes from. buildConveyor() uses it, and so does the signature layer
 * (signatureInputFromConfig), so that the two cannot disagree about which stages exist.
 */
QList<ConveyorStage> stapelStages(const StapelImage &image);

/** werf's validateImagesFrom and validateImportImage (reference §2.2, whole-config 2 and 3). */
Diagnostics checkImageReferences(const WerfConfig &config);

/** werf's validateInfiniteLoopBetweenRelatedImages (reference §2.2, whole-config 5). */
Diagnostics checkDependencyCycles(const WerfConfig &config);

} // namespace Stagecraft::Model
