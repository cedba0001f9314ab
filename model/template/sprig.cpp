// SPDX-License-Identifier: GPL-3.0-or-later
#include "sprig.h"

#include "sprigutil.h"

namespace Stagecraft::Model::Template {

FunctionMap sprigFunctions()
{
    FunctionMap map;
    Sprig::addStringFunctions(map);
    Sprig::addListFunctions(map);
    Sprig::addDictFunctions(map);
    Sprig::addMiscFunctions(map);
    Sprig::addRegexFunctions(map);
    Sprig::addDateFunctions(map);
    Sprig::addSemverFunctions(map);
    Sprig::addCryptoFunctions(map);
    Sprig::addCertificateFunctions(map);
    Sprig::addBcryptFunctions(map);
    Sprig::addUrlFunctions(map);
    return map;
}

} // namespace Stagecraft::Model::Template
