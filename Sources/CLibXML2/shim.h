#ifndef NEWSBUS_CLIBXML2_SHIM_H
#define NEWSBUS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation when
   both are imported into one Swift module. Newsbus never touches the ICU converters inside
   xmlCharEncodingHandler (it hands libxml2 UTF-8 only), so leave them out of the headers. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#endif
