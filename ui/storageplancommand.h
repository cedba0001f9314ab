// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signature/plan.h"
#include "signature/planner.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace Stagecraft::Model {
struct LoadedProject;
}

namespace Stagecraft::Ui {

/**
 * `stagecraft plan PATH --storage SPEC`: the options, and the plan against the stages storage
 * (run in a worker thread while this thread's event loop serves the storage's I/O).
 * Credentials come from the system keychain when a session bus is there, then from the docker
 * config (~/.docker/config.json).
 */
class StoragePlanCommand
{
    Q_DECLARE_TR_FUNCTIONS(Stagecraft::Ui::CommandLine)

public:
    static QList<QCommandLineOption> options();
    /** True when --storage (or another storage option) was given. */
    static bool requested(const QCommandLineParser &parser);

    /**
     * The plan, or nullopt after a usage error (printed to err; exit code 2). Storage problems
     * are printed as warnings/errors on err and set `storageFailed`; the stages are then unknown.
     */
    static std::optional<Model::Plan> run(const Model::LoadedProject &project,
                                          const QCommandLineParser &parser,
                                          const Model::PlanOptions &planOptions,
                                          QTextStream &err,
                                          bool *storageFailed);
};

} // namespace Stagecraft::Ui
