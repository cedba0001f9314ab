// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signatureinput.h"

namespace Stagecraft::Model {

struct LoadedProject;
struct WerfConfig;

/**
 * The signature calculator's input from a loaded project: werf's normalisation of every value
 * that is hashed (cleaned paths and auto-excludes come from the config layer; CMD/ENTRYPOINT and
 * canonical Ansible JSON are made here). Projects read with werf 1.2/2 rules get a not-computed
 * reason instead of 1.1 formulas. Dockerfile images read their Dockerfile, .dockerignore and
 * build context here (dockerfileDependencies()), so that an unchanged input means an unchanged
 * stage.
 */
SignatureInput signatureInputFromProject(const LoadedProject &project,
                                         const QHash<QString, QStringList> &baseImageOnBuild = {});

/**
 * The same for a config alone; `newerRulesReason` marks every image as not computed. Without a
 * project directory, Dockerfile images are not computed.
 */
SignatureInput signatureInputFromConfig(const WerfConfig &config,
                                        const QString &newerRulesReason = {},
                                        const QString &projectDir = {},
                                        const QHash<QString, QStringList> &baseImageOnBuild = {});

} // namespace Stagecraft::Model
