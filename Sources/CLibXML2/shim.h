// Debian's libxml2 is built with ICU; its headers would then pull in the
// system's ICU headers, which clash with the copy inside Swift's Foundation.
// polygramc never touches the ICU-dependent encoding structures, so the ICU
// part of the headers is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
