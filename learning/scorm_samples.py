"""Tiny handmade SCORM packages, as zip bytes: the demo's lesson and the tests build theirs here."""

import io
import zipfile

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pacte-{ident}" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>{title}</title>
      <item identifier="item-1" identifierref="res-1"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="{launch}"><file href="{launch}"/></resource>
  </resources>
</manifest>"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pacte-{ident}" version="1.0" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>{title}</title>
      <item identifier="item-1" identifierref="res-1"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="{launch}"><file href="{launch}"/></resource>
  </resources>
</manifest>"""

PAGE_12 = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1><p>{text}</p>
<button type="button" id="finish">J’ai terminé</button><p id="state"></p></main>
<script src="sco.js"></script></body></html>"""

SCRIPT_12 = """(function () {
  var api = window.API;
  api.LMSInitialize("");
  document.getElementById("state").textContent = api.LMSGetValue("cmi.core.lesson_status");
  document.getElementById("finish").addEventListener("click", function () {
    api.LMSSetValue("cmi.core.lesson_location", "fin");
    api.LMSSetValue("cmi.core.score.raw", "100");
    api.LMSSetValue("cmi.core.lesson_status", "completed");
    api.LMSCommit("");
    api.LMSFinish("");
    document.getElementById("state").textContent = "completed";
  });
}());
"""

SCRIPT_2004 = SCRIPT_12.replace("window.API", "window.API_1484_11").replace("LMSInitialize", "Initialize").replace(
    "LMSGetValue", "GetValue").replace("LMSSetValue", "SetValue").replace("LMSCommit", "Commit").replace(
    "LMSFinish", "Terminate").replace("cmi.core.lesson_status", "cmi.completion_status").replace(
    "cmi.core.lesson_location", "cmi.location").replace("cmi.core.score.raw", "cmi.score.raw")


def scorm_zip(version="1.2", title="Une activité", text="Lisez puis terminez.", launch="index.html", extra=None,
              manifest=None):
    """A SCORM package whose page sets its status to completed (and its score to 100) on a button's click."""
    template = MANIFEST_12 if version == "1.2" else MANIFEST_2004
    files = {
        "imsmanifest.xml": manifest if manifest is not None else template.format(
            ident=version.replace(".", ""), title=title, launch=launch),
        launch: PAGE_12.format(title=title, text=text),
        "sco.js": SCRIPT_12 if version == "1.2" else SCRIPT_2004,
    }
    files.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
