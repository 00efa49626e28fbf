# Deutsche Texte des Postmortems (hindsight render und die Störungsseiten der Statusseite).
# Ein Projekt überschreibt einzelne Texte in seiner eigenen locales/de/postmortem.ftl.

postmortem = Postmortem
incident = Störung
maintenance = Wartung

## Überschriften
heading-summary = Zusammenfassung
heading-timeline = Zeitlicher Ablauf
heading-analysis = Analyse
heading-what-happened = Hergang
heading-root-cause = Ursache
heading-trigger = Auslöser
heading-detection = Erkennung
heading-impact = Auswirkung
heading-expected-impact = Erwartete Auswirkungen
heading-resolution = Behebung
heading-lessons = Erkenntnisse
heading-actions = Korrektur- und Vorbeugemaßnahmen
heading-key-figures = Kennzahlen
heading-internal = Interne Notizen

## Überblick
label-incident-time = Zeitraum
label-window = Wartungsfenster
label-duration = Dauer
label-severity = Schweregrad
label-affected = Betroffene Dienste
label-affected-maintenance = Betroffene Dienste
label-status = Status
label-authors = Verfasst von
label-time = Zeit
label-event = Ereignis
label-action = Maßnahme
label-action-status = Stand
label-kind = Art
label-owner = Verantwortlich
label-due = Fällig
label-figure = Kennzahl
label-value = Wert

## Kennzahlen, gemessen ab Beginn der Auswirkung
figure-time-to-detect = Zeit bis zur Erkennung
figure-time-to-acknowledge = Zeit bis zur Quittierung
figure-time-to-mitigate = Zeit bis zur Eindämmung
figure-time-to-resolve = Zeit bis zur Behebung
figure-maintenance-duration = Dauer der Arbeiten

## Schweregrad
severity-none = keiner
severity-minor = niedrig
severity-major = hoch
severity-critical = kritisch

## Zustand einer Komponente
# `.inline`: das Wort mitten im Satz (Tooltip, Liste der betroffenen Dienste).
component-operational = Betriebsbereit
    .inline = betriebsbereit
component-degraded_performance = Eingeschränkte Leistung
    .inline = eingeschränkte Leistung
component-partial_outage = Teilausfall
component-major_outage = Totalausfall
component-under_maintenance = In Wartung
    .inline = in Wartung

## Störungsstatus (öffentliche Meldungen)
update-investigating = Wird untersucht
update-identified = Ursache identifiziert
update-monitoring = Wird überwacht
update-resolved = Behoben
update-postmortem = Postmortem veröffentlicht
incident-ongoing = Laufend

## Maßnahmen
action-todo = Offen
action-in_progress = In Arbeit
action-done = Erledigt
action-wont_do = Verworfen
kind-mitigate = Eindämmung
kind-prevent = Vorbeugung
kind-process = Prozess
kind-other = Sonstiges

## Zeiten und Dauern
datetime-zoned = { $datetime } { $zone }
time-range = { $start } – { $end }
time-day-only = { $date } (genaue Uhrzeit unbekannt)
time-approximate = gegen { $time }
duration-days = { $count ->
    [one] { $count }{ "\u00A0" }Tag
   *[other] { $count }{ "\u00A0" }Tage
}
duration-hours = { $count ->
    [one] { $count }{ "\u00A0" }Stunde
   *[other] { $count }{ "\u00A0" }Stunden
}
duration-minutes = { $count ->
    [one] { $count }{ "\u00A0" }Minute
   *[other] { $count }{ "\u00A0" }Minuten
}
duration-seconds = { $count ->
    [one] { $count }{ "\u00A0" }Sekunde
   *[other] { $count }{ "\u00A0" }Sekunden
}
duration-short-days = { $count }{ "\u00A0" }Tg.
duration-short-hours = { $count }{ "\u00A0" }Std.
duration-short-minutes = { $count }{ "\u00A0" }Min.
duration-short-seconds = { $count }{ "\u00A0" }Sek.
duration-join = { " " }
duration-approximate = etwa { $duration }
duration-ongoing = läuft seit { $duration }
# Datum und Uhrzeit: `17. Dezember 2023, 03:56`.
datetime = { $date }, { $time }
# Zwei Uhrzeiten an einem Tag, ohne Leerzeichen um den Bis-Strich (DIN 5008).
time-range-day = { $date }, { $start }–{ $end }
time-range-open = ab { $start }
datetime-zone-named = { $datetime } { $zone }
label-time-zoned = { $label } ({ $zone })
# Größte Einheit einer Dauer: days oder hours (nicht übersetzen).
duration-largest-unit = days

## Hinweise
notice-draft = Entwurf: Dieses Postmortem ist nicht veröffentlicht.
notice-review = In Prüfung: Dieses Postmortem ist noch nicht veröffentlicht.
notice-ongoing = Diese Störung dauert noch an. Diese Seite wird laufend aktualisiert.
notice-pending = Diese Störung ist behoben. Das Postmortem wird gerade geschrieben und hier veröffentlicht.
notice-stale = Ein Teil dieser Übersetzung ist veraltet: Das Original ({ $language }) wurde seit der Übersetzung geändert.
notice-fallback = Teile dieses Postmortems sind noch nicht übersetzt und werden in der Originalsprache ({ $language }) angezeigt.
notice-draft-maintenance = Entwurf: Diese Wartungsankündigung ist nicht veröffentlicht.
notice-review-maintenance = In Prüfung: Diese Wartungsankündigung ist noch nicht veröffentlicht.
notice-fallback-maintenance = Teile dieser Ankündigung sind noch nicht übersetzt und werden in der Originalsprache ({ $language }) angezeigt.
notice-internal = Intern: Dieser Abschnitt wird nie veröffentlicht.
notice-untranslated = Diese Seite liegt noch nicht auf Deutsch vor und wird im Original ({ $language }) angezeigt.

## Sprachnamen
language-en = Englisch
language-de = Deutsch
language-ja = Japanisch
language-zh = Chinesisch

## Aufzählungen
list-join = { ", " }
affected-component = { $name }: { $status }

## Punctuation
label-separator = { ": " }
bracket-open = { " (" }
bracket-close = { ")" }
meta-separator = { " · " }
stale-marker = { " (Übersetzung veraltet)" }
