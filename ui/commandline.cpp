// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "build/buildcommand.h"
#include "build/logcommand.h"
#include "buildregistryoptions.h"
#include "config/configloader.h"
#include "conveyor/graphwriter.h"
#include "document/editcommand.h"
#include "exporter.h"
#include "layout/dotwriter.h"
#include "layout/layoutsidecar.h"
#include "models/stagestatus.h"
#include "projectloader.h"
#include "signature/planner.h"
#include "signature/whatif.h"
#include "storageplancommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <functional>

namespace Stagecraft::Ui {

namespace {

struct Command
{
    QString name;
    QString synopsis;
    QString description;
};

const QList<Command> &commands()
{
    static const QList<Command> list{
            {QStringLiteral("render"),
             QStringLiteral("render PATH [--source-map]"),
             CommandLine::tr("Print the rendered config, like `werf config render`.")},
            {QStringLiteral("lint"),
             QStringLiteral("lint PATH [--werf-version 1.1|1.2|2]"),
             CommandLine::tr(
                     "Validate with werf's rules; errors as FILE:LINE:COL: error: MESSAGE.")},
            {QStringLiteral("graph"),
             QStringLiteral("graph PATH [--format yaml|json|dot] [--werf-version V]"),
             CommandLine::tr("Print the image dependency graph.")},
            {QStringLiteral("plan"),
             QStringLiteral("plan PATH [--against OLD_PATH] [--json] [--werf-version V] "
                            "[--assume-no-onbuild] [--storage SPEC] "
                            "[--insecure-registry HOST:PORT] [--ca-file FILE] "
                            "[--storage-root DIR] [--storage-driver NAME] "
                            "[--storage-timeout S] [--storage-time-limit S] "
                            "[--docker-host unix:///PATH]"),
             CommandLine::tr("Print werf 1.1 stage signatures and the status of each stage; "
                             "with --against, which stages a change would rebuild and why.")},
            {QStringLiteral("export"),
             QStringLiteral("export PATH -o OUT.png|.svg|.dot [--scale N] [--transparent] "
                            "[--no-legend] [--status-from PLAN.json]"),
             CommandLine::tr("Draw the conveyor graph, as the window shows it, to a file.")},
            {QStringLiteral("build"),
             QStringLiteral(
                     "build PATH [--backend buildah|werf] [--storage SPEC] [--image NAME]... "
                     "[--json-events] [--storage-root DIR] [--storage-driver NAME] "
                     "[--jobs N] [--werf PATH] [--buildah PATH] [--insecure-registry HOST:PORT]... "
                     "[--ca-file FILE]"),
             CommandLine::tr("Build the images, stage by stage, into the stages storage.")},
            {QStringLiteral("edit"),
             QStringLiteral("edit PATH (IMAGE | --meta) [KEY=VALUE]... [--unset KEY]... "
                            "[--output OUT]"),
             CommandLine::tr("Set or remove directives; the rest of the file stays byte for "
                             "byte.")},
            {QStringLiteral("log"),
             QStringLiteral("log FILE [--json]"),
             CommandLine::tr(
                     "Summarise a saved werf build log (cached, built and failed stages).")},
    };
    return list;
}

QString usage()
{
    QString text = CommandLine::tr("Usage: stagecraft [PATH]") + u'\n';
    for (const Command &c : commands())
        text += QStringLiteral("       stagecraft ") + c.synopsis + u'\n';
    text += u'\n';
    text += CommandLine::tr("PATH is a werf.yaml (or werf.yml) or a project directory.") + u'\n';
    for (const Command &c : commands())
        text += QStringLiteral("  %1  %2\n").arg(c.name, -8).arg(c.description);
    text += CommandLine::tr("Exit codes: 0 success, 1 problems found, 2 usage error.") + u'\n';
    return text;
}

/** Parsed arguments of one command: a PATH plus the options it allows. */
struct Invocation
{
    QString path;
    Model::LoadOptions loadOptions;
    QCommandLineParser parser;
};

QCommandLineOption werfVersionOption()
{
    return QCommandLineOption(
            QStringLiteral("werf-version"),
            CommandLine::tr("Whose rules to apply: 1.1, 1.2, 2 or auto (default: detect)."),
            QStringLiteral("V"),
            QStringLiteral("auto"));
}

/** Parses `stagecraft COMMAND PATH [options]`; returns false (and prints why) on a usage error. */
bool parseInvocation(const QStringList &arguments,
                     const QList<QCommandLineOption> &options,
                     Invocation &invocation,
                     QTextStream &err)
{
    QCommandLineParser &parser = invocation.parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
    QStringList args = arguments;
    args.removeAt(1); // the command name
    if (!parser.parse(args)) {
        err << parser.errorText() << u'\n' << usage();
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << (positional.isEmpty() ? CommandLine::tr("missing PATH")
                                     : CommandLine::tr("too many arguments"))
            << u'\n' << usage();
        return false;
    }
    invocation.path = positional.first();

    bool hasVersionOption = false;
    for (const QCommandLineOption &o : options)
        hasVersionOption |= o.names().contains(QStringLiteral("werf-version"));
    if (hasVersionOption) {
        const QString version = parser.value(QStringLiteral("werf-version"));
        if (version == u"auto")
            invocation.loadOptions.version = Model::WerfVersion::Auto;
        else if (version == u"1.1")
            invocation.loadOptions.version = Model::WerfVersion::V1_1;
        else if (version == u"1.2")
            invocation.loadOptions.version = Model::WerfVersion::V1_2;
        else if (version == u"2" || version == u"2.0")
            invocation.loadOptions.version = Model::WerfVersion::V2;
        else {
            err << CommandLine::tr("unknown werf version \"%1\": expected 1.1, 1.2, 2 or auto")
                            .arg(version)
                << u'\n';
            return false;
        }
    }
    return true;
}

void printDiagnostics(const Model::Diagnostics &diagnostics, QTextStream &stream)
{
    for (const Model::Diagnostic &d : diagnostics)
        stream << d.toString() << u'\n';
}

void printRules(const Model::LoadedProject &project, QTextStream &err)
{
    if (!project.versionReason.isEmpty())
        err << CommandLine::tr("stagecraft: %1").arg(project.versionReason) << u'\n';
}

int runRender(const QStringList &arguments,
              QTextStream &out,
              QTextStream &err,
              const CommandLine::Services &services)
{
    Invocation invocation;
    const QCommandLineOption sourceMap(
            QStringLiteral("source-map"),
            CommandLine::tr(
                    "Print, before each output line, where it came from (FILE:LINE:COL and how)."));
    if (!parseInvocation(arguments, {sourceMap, werfVersionOption()}, invocation, err))
        return 2;
    invocation.loadOptions.renderer = services.renderer;
    const Model::LoadedProject project = Model::loadProject(invocation.path, invocation.loadOptions);
    if (!project.ok()) {
        // Like `werf config render`, which loads (and so validates) the config before printing.
        printDiagnostics(project.diagnostics, err);
        return 1;
    }
    printDiagnostics(project.diagnostics, err); // warnings
    if (!invocation.parser.isSet(sourceMap)) {
        out.flush();
        out << QString::fromUtf8(project.rendered);
        return 0;
    }
    const QByteArray &text = project.rendered;
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const Model::SourceMap::Origin origin = project.sourceMap.origin(lineStart);
        QString where = origin.location.toString();
        if (origin.kind == Model::SourceMap::Kind::Generated)
            where = CommandLine::tr("generated by %1").arg(where);
        if (!origin.context.isEmpty())
            where += QStringLiteral(" (") + origin.context.join(QStringLiteral(" > ")) + u')';
        out << where << u'\t'
            << QString::fromUtf8(text.constData() + lineStart, lineEnd - lineStart) << u'\n';
        lineStart = lineEnd + 1;
    }
    return 0;
}

int runLint(const QStringList &arguments,
            QTextStream &out,
            QTextStream &err,
            const CommandLine::Services &services)
{
    Invocation invocation;
    if (!parseInvocation(arguments, {werfVersionOption()}, invocation, err))
        return 2;
    invocation.loadOptions.renderer = services.renderer;
    const Model::LoadedProject project = Model::loadProject(invocation.path, invocation.loadOptions);
    printRules(project, err);
    printDiagnostics(project.diagnostics, out);
    return project.ok() ? 0 : 1;
}

int runGraph(const QStringList &arguments,
             QTextStream &out,
             QTextStream &err,
             const CommandLine::Services &services)
{
    Invocation invocation;
    const QCommandLineOption format(QStringLiteral("format"),
                                    CommandLine::tr("yaml (default), json or dot."),
                                    QStringLiteral("FORMAT"),
                                    QStringLiteral("yaml"));
    if (!parseInvocation(arguments, {format, werfVersionOption()}, invocation, err))
        return 2;
    const QString formatName = invocation.parser.value(format);
    if (formatName != u"yaml" && formatName != u"json" && formatName != u"dot") {
        err << CommandLine::tr("unknown format \"%1\": expected yaml, json or dot").arg(formatName)
            << u'\n';
        return 2;
    }
    invocation.loadOptions.renderer = services.renderer;
    const Model::LoadedProject project = Model::loadProject(invocation.path, invocation.loadOptions);
    printDiagnostics(project.diagnostics, err);
    if (!project.ok())
        return 1;
    QByteArray text;
    if (formatName == u"json")
        text = Model::GraphWriter::toJson(project.conveyor);
    else if (formatName == u"dot")
        text = Model::conveyorToDot(project.conveyor);
    else
        text = Model::GraphWriter::toYaml(project.conveyor);
    out << QString::fromUtf8(text);
    return 0;
}

/** `plan PATH --against OLD_PATH`: the what-if of PATH with OLD_PATH as the baseline. */
int runWhatIf(const Model::LoadedProject &project,
              const QString &baselinePath,
              const Model::LoadOptions &options,
              const Model::PlanOptions &planOptions,
              bool json,
              QTextStream &out,
              QTextStream &err)
{
    const Model::LoadedProject baseline = Model::loadProject(baselinePath, options);
    printDiagnostics(baseline.diagnostics, err);
    if (!baseline.ok())
        return 1;
    const Model::WhatIf result = Model::whatIf(baseline, project, planOptions);
    printDiagnostics(result.current.diagnostics, err);
    out << (json ? QString::fromUtf8(result.toJson()) : result.toText());
    return 0;
}

int runPlan(const QStringList &arguments,
            QTextStream &out,
            QTextStream &err,
            const CommandLine::Services &services)
{
    Invocation invocation;
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLine::tr("Print the plan as JSON."));
    const QCommandLineOption
            against(QStringLiteral("against"),
                    CommandLine::tr("Compare with this baseline version of the project (what-if)."),
                    QStringLiteral("OLD_PATH")),
            noOnBuild(QStringLiteral("assume-no-onbuild"),
                      CommandLine::tr("Take the base images of Dockerfiles as having no ONBUILD "
                                      "instructions instead of asking a registry."));
    if (!parseInvocation(arguments,
                         QList<QCommandLineOption>{json, against, werfVersionOption(), noOnBuild}
                                 + StoragePlanCommand::options(),
                         invocation,
                         err))
        return 2;
    invocation.loadOptions.renderer = services.renderer;
    const Model::LoadedProject project = Model::loadProject(invocation.path, invocation.loadOptions);
    printDiagnostics(project.diagnostics, err);
    if (!project.ok())
        return 1;
    Model::PlanOptions planOptions;
    planOptions.assumeNoOnBuild = invocation.parser.isSet(noOnBuild);
    if (invocation.parser.isSet(against))
        return runWhatIf(project,
                         invocation.parser.value(against),
                         invocation.loadOptions,
                         planOptions,
                         invocation.parser.isSet(json),
                         out,
                         err);
    Model::Plan plan;
    bool storageFailed = false;
    if (StoragePlanCommand::requested(invocation.parser)) {
        std::optional<Model::Plan> stored = StoragePlanCommand::run(project,
                                                                    invocation.parser,
                                                                    planOptions,
                                                                    err,
                                                                    &storageFailed);
        if (!stored)
            return 2;
        plan = *stored;
    } else {
        plan = Model::planProject(project, planOptions);
    }
    printDiagnostics(plan.diagnostics, err);
    const int exitCode = storageFailed ? 1 : 0;
    if (invocation.parser.isSet(json)) {
        out << QString::fromUtf8(plan.toJson());
        return exitCode;
    }
    out << CommandLine::tr("project %1").arg(plan.project) << u'\n';
    for (const Model::ImagePlan &image : plan.images) {
        out << u'\n' << Model::imageKindName(image.kind) << u' ' << image.displayName();
        if (!image.contentSignature.isEmpty())
            out << CommandLine::tr("  (content signature %1)").arg(image.contentSignature);
        out << u'\n';
        for (const Model::StagePlan &stage : image.stages) {
            out << QStringLiteral("  %1 %2 ").arg(stage.name, -22).arg(stage.statusName(), -14);
            if (stage.hasSignature())
                out << stage.signature;
            else if (!stage.reason.isEmpty())
                out << stage.reason;
            if (!stage.storedAs.isEmpty())
                out << u' ' << stage.storedAs;
            if (!stage.statusReason.isEmpty())
                out << QStringLiteral(" (") << stage.statusReason << u')';
            out << u'\n';
        }
    }
    return exitCode;
}

int runExport(const QStringList &arguments,
              QTextStream &,
              QTextStream &err,
              const CommandLine::Services &)
{
    QString error;
    const std::optional<ExportRequest> request = Exporter::parseArguments(arguments.mid(2), &error);
    if (!request) {
        err << error << u'\n' << usage();
        return 2;
    }
    Model::StageStatuses statuses;
    if (!request->statusFrom.isEmpty()) {
        QFile file(request->statusFrom);
        if (!file.open(QIODevice::ReadOnly)) {
            err << CommandLine::tr("%1: error: cannot read: %2")
                            .arg(request->statusFrom, file.errorString())
                << u'\n';
            return 1;
        }
        const auto parsed = Model::statusesFromPlanJson(file.readAll(), &error);
        if (!parsed) {
            err << request->statusFrom << QStringLiteral(": error: ") << error << u'\n';
            return 1;
        }
        statuses = *parsed;
    }
    const Model::LoadedProject project = Model::loadProject(request->input);
    printDiagnostics(project.diagnostics, err);
    if (!project.ok())
        return 1;
    const LoadedProject shown = windowProject(project);
    const Model::LayoutSidecar sidecar = Model::LayoutSidecar::load(
            Model::LayoutSidecar::pathFor(project.configFile));
    QString notice;
    if (!Exporter::exportToFile(shown.conveyor,
                                request->output,
                                request->options,
                                &error,
                                statuses,
                                shown.dockerfiles,
                                sidecar,
                                &notice)) {
        err << request->output << QStringLiteral(": error: ") << error << u'\n';
        return 1;
    }
    if (!notice.isEmpty())
        err << request->output << QStringLiteral(": note: ") << notice << u'\n';
    return 0;
}

int runLog(const QStringList &arguments,
           QTextStream &out,
           QTextStream &err,
           const CommandLine::Services &)
{
    Invocation invocation;
    const QCommandLineOption json(QStringLiteral("json"),
                                  CommandLine::tr("Print the build events as JSON Lines."));
    if (!parseInvocation(arguments, {json}, invocation, err))
        return 2;
    return Model::runLogCommand(invocation.path, invocation.parser.isSet(json), out, err);
}

int runBuild(const QStringList &arguments,
             QTextStream &out,
             QTextStream &err,
             const CommandLine::Services &services)
{
    Invocation invocation;
    const QCommandLineOption backend(QStringLiteral("backend"),
                                     CommandLine::tr("buildah (default) or werf."),
                                     QStringLiteral("NAME"),
                                     QStringLiteral("buildah"));
    const QCommandLineOption storage(QStringLiteral("storage"),
                                     CommandLine::tr("The stages storage (default :local)."),
                                     QStringLiteral("SPEC"),
                                     QStringLiteral(":local"));
    const QCommandLineOption image(QStringLiteral("image"),
                                   CommandLine::tr("Build this image (with its dependencies)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json-events"),
                                  CommandLine::tr("Print one JSON object per event and line."));
    const QCommandLineOption root(QStringLiteral("storage-root"),
                                  CommandLine::tr("containers-storage root for buildah."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption driver(QStringLiteral("storage-driver"),
                                    CommandLine::tr("containers-storage driver (overlay, vfs)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  CommandLine::tr("Images of one dependency set built at once."),
                                  QStringLiteral("N"),
                                  QStringLiteral("5"));
    const QCommandLineOption werf(QStringLiteral("werf"),
                                  CommandLine::tr("The werf executable (werf backend)."),
                                  QStringLiteral("PATH"),
                                  QStringLiteral("werf"));
    const QCommandLineOption buildah(QStringLiteral("buildah"),
                                     CommandLine::tr("The buildah executable (buildah backend)."),
                                     QStringLiteral("PATH"),
                                     QStringLiteral("buildah"));
    QList<QCommandLineOption> buildOptions{
            backend, storage, image, json, root, driver, jobs, werf, buildah, werfVersionOption()};
    buildOptions += BuildRegistryOptions::options();
    if (!parseInvocation(arguments, buildOptions, invocation, err))
        return 2;
    invocation.loadOptions.renderer = services.renderer;
    const QCommandLineParser &parser = invocation.parser;
    Model::BuildOptions options;
    const QString backendName = parser.value(backend);
    if (backendName == u"werf") {
        options.backend = Model::BuildBackend::Werf;
    } else if (backendName != u"buildah") {
        err << CommandLine::tr("unknown backend \"%1\": expected buildah or werf").arg(backendName)
            << u'\n';
        return 2;
    }
    bool ok = false;
    options.jobs = parser.value(jobs).toInt(&ok);
    if (!ok || options.jobs < 1) {
        err << CommandLine::tr("--jobs needs a positive number") << u'\n';
        return 2;
    }
    options.stagesStorage = parser.value(storage);
    options.images = parser.values(image);
    options.storage.root = parser.value(root);
    options.storage.driver = parser.value(driver);
    options.werfProgram = parser.value(werf);
    options.buildahProgram = parser.value(buildah);
    BuildRegistryOptions registry;
    if (!registry.apply(parser, options, err))
        return 2;
    const int code = Model::runBuildCommand(invocation.path,
                                            invocation.loadOptions,
                                            options,
                                            parser.isSet(json),
                                            out,
                                            err);
    for (const QString &problem : registry.problems())
        err << problem << u'\n';
    return code;
}

int runEdit(const QStringList &arguments,
            QTextStream &out,
            QTextStream &err,
            const CommandLine::Services &services)
{
    Model::LoadOptions options;
    options.renderer = services.renderer;
    return Model::runEditCommand(arguments.mid(2), out, err, options);
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (first == u"--help" || first == u"-h" || first == u"help" || first == u"--version")
        return true;
    for (const Command &c : commands()) {
        if (c.name == first)
            return true;
    }
    return false;
}

bool CommandLine::needsGui(const QStringList &arguments)
{
    return arguments.size() > 1 && arguments.at(1) == u"export";
}

int CommandLine::run(const QStringList &arguments,
                     QTextStream &out,
                     QTextStream &err,
                     const Services &services)
{
    if (arguments.size() < 2) {
        err << usage();
        return 2;
    }
    const QString command = arguments.at(1);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out << usage();
        return 0;
    }
    if (command == u"--version") {
        out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion()
            << u'\n';
        return 0;
    }
    using Runner
            = std::function<int(const QStringList &, QTextStream &, QTextStream &, const Services &)>;
    const QList<std::pair<QString, Runner>> runners{
            {QStringLiteral("render"), runRender},
            {QStringLiteral("lint"), runLint},
            {QStringLiteral("graph"), runGraph},
            {QStringLiteral("plan"), runPlan},
            {QStringLiteral("export"), runExport},
            {QStringLiteral("log"), runLog},
            {QStringLiteral("build"), runBuild},
            {QStringLiteral("edit"), runEdit},
    };
    for (const auto &[name, runner] : runners) {
        if (name == command)
            return runner(arguments, out, err, services);
    }
    err << CommandLine::tr("unknown command: %1").arg(command) << u'\n' << usage();
    return 2;
}

} // namespace Stagecraft::Ui
