// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signatureinput.h"

namespace Stagecraft::Model {

struct LoadedProject;
struct WerfConfig;

/**
 * The signature calculator's input from a loaded project: werf's normalisation of every value
 * that is hashed (cleaned paths and auto-excludes come from the config layer; CMD/ENTRYPOINT and
 * canonical Ansible JSON are made here). Projects read with werf 1.2/2 rules and Dockerfile images
 * get a not-computed reason instead of 1.1 formulas.
 */
SignatureInput signatureInputFromProject(const LoadedProject &project);

/** The same for a config alone; `newerRulesReason` marks every image as not computed. */
SignatureInput signatureInputFromConfig(const WerfConfig &config,
                                        const QString &newerRulesReason = {});

} // namespace Stagecraft::Model
