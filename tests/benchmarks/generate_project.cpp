// SPDX-License-Identifier: GPL-3.0-or-later
// stagecraft_generate: writes a seeded werf project of N images (see projectgenerator.h).
#include "projectgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stagecraft_generate"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Writes a seeded, realistic werf project (werf.yaml and its templated twin "
            u"werf-templated.yaml) into DIR, committed to a generated git repository."_s);
    parser.addHelpOption();
    const QCommandLineOption imagesOption({u"n"_s, u"images"_s},
                                          u"Number of images, artifacts included."_s,
                                          u"N"_s,
                                          u"150"_s);
    const QCommandLineOption seedOption({u"s"_s, u"seed"_s}, u"Random seed."_s, u"SEED"_s, u"1"_s);
    const QCommandLineOption noGitOption(u"no-git"_s, u"Do not create a git repository."_s);
    const QCommandLineOption noGitMappingsOption(u"no-git-mappings"_s,
                                                 u"Give the images no git: mappings."_s);
    parser.addOptions({imagesOption, seedOption, noGitOption, noGitMappingsOption});
    parser.addPositionalArgument(u"DIR"_s, u"Directory to create (must not exist or be empty)."_s);
    parser.process(app);

    QTextStream err(stderr);
    bool imagesOk = false;
    bool seedOk = false;
    Stagecraft::Bench::GeneratorOptions options;
    options.images = parser.value(imagesOption).toInt(&imagesOk);
    options.seed = parser.value(seedOption).toULongLong(&seedOk);
    options.gitRepository = !parser.isSet(noGitOption);
    options.gitMappings = !parser.isSet(noGitMappingsOption);
    if (!imagesOk || options.images < 0 || !seedOk || parser.positionalArguments().size() != 1) {
        err << parser.helpText();
        return 2;
    }

    const Stagecraft::Bench::ProjectGenerator generator(options);
    QString error;
    if (!generator.write(parser.positionalArguments().constFirst(), &error)) {
        err << "stagecraft_generate: " << error << '\n';
        return 1;
    }
    const auto &stats = generator.stats();
    QTextStream(stdout) << "images " << stats.images << ", artifacts " << stats.artifacts
                        << ", dockerfile images " << stats.dockerfiles << ", imports "
                        << stats.imports << ", git mappings " << stats.gitMappings
                        << ", source files " << stats.sourceFiles << '\n';
    return 0;
}
