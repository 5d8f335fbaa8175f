// The part of libxml2's API that polygramc calls: the text writer into a
// memory buffer. Declared here, as libxml2 2.9 declares them, rather than by
// including <libxml/xmlwriter.h>: its headers live under /usr/include/libxml2,
// which every module importing Emit would then need on its search path.
// libxml2 itself is linked statically (Package.swift, Emit's linker settings).
#ifndef POLYGRAMC_LIBXML2_SHIM_H
#define POLYGRAMC_LIBXML2_SHIM_H

typedef unsigned char xmlChar;
typedef struct _xmlBuffer *xmlBufferPtr;
typedef struct _xmlTextWriter *xmlTextWriterPtr;

xmlBufferPtr xmlBufferCreate(void);
void xmlBufferFree(xmlBufferPtr buf);
const xmlChar *xmlBufferContent(const struct _xmlBuffer *buf);

xmlTextWriterPtr xmlNewTextWriterMemory(xmlBufferPtr buf, int compression);
void xmlFreeTextWriter(xmlTextWriterPtr writer);
int xmlTextWriterStartDocument(xmlTextWriterPtr writer, const char *version, const char *encoding,
                               const char *standalone);
int xmlTextWriterEndDocument(xmlTextWriterPtr writer);
int xmlTextWriterStartElement(xmlTextWriterPtr writer, const xmlChar *name);
int xmlTextWriterEndElement(xmlTextWriterPtr writer);
int xmlTextWriterWriteAttribute(xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *content);
int xmlTextWriterStartAttribute(xmlTextWriterPtr writer, const xmlChar *name);
int xmlTextWriterEndAttribute(xmlTextWriterPtr writer);
int xmlTextWriterWriteRawLen(xmlTextWriterPtr writer, const xmlChar *content, int len);
int xmlTextWriterWriteString(xmlTextWriterPtr writer, const xmlChar *content);
int xmlTextWriterFlush(xmlTextWriterPtr writer);
int xmlTextWriterSetIndent(xmlTextWriterPtr writer, int indent);
int xmlTextWriterSetIndentString(xmlTextWriterPtr writer, const xmlChar *str);

#endif
