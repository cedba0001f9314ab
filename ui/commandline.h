// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/configloader.h"

#include <QStringList>

class QTextStream;

namespace Stagecraft::Ui {

/**
 * The headless commands (`stagecraft render|lint|graph|...`).
 *
 * Kept out of app/ so that tests can run them in-process; app/main.cpp only decides between the
 * GUI and this, and supplies the concrete services (the template renderer, ...).
 */
class CommandLine
{
public:
    /** Concrete services the commands use; app/ wires the real ones. */
    struct Services
    {
        Model::Renderer renderer;
    };

    /** True when the first argument names a headless command (or --help/--version). */
    static bool isCommand(const QStringList &arguments);
    /** True when the command draws images and needs a QGuiApplication. */
    static bool needsGui(const QStringList &arguments);

    /**
     * Runs a command. `arguments` starts with the program name, like QCoreApplication::arguments().
     * Returns the exit code: 0 success, 1 failure (errors found), 2 usage error.
     */
    static int run(const QStringList &arguments,
                   QTextStream &out,
                   QTextStream &err,
                   const Services &services = {});
};

} // namespace Stagecraft::Ui
