// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectloader.h"

#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Stagecraft::Ui {

namespace {

/** Dockerfiles are small; a huge or unreadable one is simply not drawn. */
constexpr qint64 maxDockerfileSize = 1024 * 1024;

} // namespace

LoadedProject windowProject(const Model::LoadedProject &project)
{
    LoadedProject shown;
    shown.configFile = project.configFile;
    shown.sourceText = project.source;
    shown.conveyor = project.conveyor;
    shown.diagnostics = project.diagnostics;
    shown.inputs = Model::conveyorInputs(project.conveyor, project.config, project.sourceMap);
    shown.dockerfiles = readDockerfiles(project);
    return shown;
}

QHash<QString, QByteArray> readDockerfiles(const Model::LoadedProject &project)
{
    QHash<QString, QByteArray> dockerfiles;
    const QDir projectDir(project.projectDir);
    for (const Model::DockerfileImage &image : project.config.dockerfileImages) {
        if (!image.dockerfile.present)
            continue;
        // werf: the dockerfile path is relative to the project directory (not the context).
        QFile file(projectDir.filePath(image.dockerfile.value));
        if (file.size() > maxDockerfileSize || !file.open(QIODevice::ReadOnly))
            continue;
        dockerfiles.insert(image.name, file.readAll());
    }
    return dockerfiles;
}

std::optional<LoadedProject> loadProjectForWindow(const QString &path, QString *error)
{
    const Model::LoadedProject project = Model::loadProject(path);
    if (project.configFile.isEmpty()
        || (project.source.isEmpty() && !project.ok() && !QFileInfo(project.configFile).isFile())) {
        // Nothing to show: report the loader's first problem.
        if (error)
            *error = project.diagnostics.isEmpty() ? QString()
                                                   : project.diagnostics.first().toString();
        return std::nullopt;
    }
    return windowProject(project);
}

} // namespace Stagecraft::Ui
