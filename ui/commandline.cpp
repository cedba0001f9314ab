// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Stagecraft::Ui {

namespace {

const QStringList &commands()
{
    static const QStringList names{QStringLiteral("render"),
                                   QStringLiteral("lint"),
                                   QStringLiteral("graph")};
    return names;
}

QString usage()
{
    return QCoreApplication::translate("Stagecraft::Ui::CommandLine",
                                       "Usage: stagecraft [PATH]\n"
                                       "       stagecraft render PATH\n"
                                       "       stagecraft lint PATH [--werf-version 1.1|1.2|2]\n"
                                       "       stagecraft graph PATH [--format yaml|json|dot]\n");
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    return arguments.size() > 1
           && (commands().contains(arguments.at(1)) || arguments.at(1) == u"--help"
               || arguments.at(1) == u"-h" || arguments.at(1) == u"--version");
}

bool CommandLine::needsGui(const QStringList &arguments)
{
    return arguments.size() > 1 && arguments.at(1) == u"export";
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.size() < 2) {
        err << usage();
        return 2;
    }
    const QString command = arguments.at(1);
    if (command == u"--help" || command == u"-h") {
        out << usage();
        return 0;
    }
    if (command == u"--version") {
        out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion()
            << u'\n';
        return 0;
    }
    err << QCoreApplication::translate("Stagecraft::Ui::CommandLine", "unknown command: %1\n")
                    .arg(command)
        << usage();
    return 2;
}

} // namespace Stagecraft::Ui
