// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

#include <optional>

namespace Stagecraft::Model {
struct LoadedProject;
}

namespace Stagecraft::Ui {

/**
 * What the window shows of a loaded project: the conveyor, every problem, and the texts of the
 * Dockerfiles that Dockerfile images name (for their `FROM … AS` stages).
 */
LoadedProject windowProject(const Model::LoadedProject &project);

/** The texts of the Dockerfiles that the project's Dockerfile images name, by image name. */
QHash<QString, QByteArray> readDockerfiles(const Model::LoadedProject &project);

/** The window's ProjectLoader: werf's pipeline (render, decode, validate, conveyor). */
std::optional<LoadedProject> loadProjectForWindow(const QString &path, QString *error);

} // namespace Stagecraft::Ui
