# Deutsche Texte der Nachbesprechung (hindsight render und die Vorfallsseiten der Statusseite).
# Ein Projekt überschreibt einzelne Texte in seiner eigenen locales/de/postmortem.ftl.

postmortem = Nachbesprechung
incident = Vorfall
maintenance = Wartung

## Überschriften
heading-summary = Zusammenfassung
heading-timeline = Zeitachse
heading-analysis = Vorfallsanalyse
heading-what-happened = Was passiert ist
heading-root-cause = Warum es passiert ist
heading-trigger = Auslöser
heading-detection = Erkennung
heading-impact = Auswirkung
heading-expected-impact = Erwartete Auswirkungen
heading-resolution = Lösung
heading-lessons = Lektionen gelernt
heading-actions = Korrektive und präventive Maßnahmen
heading-key-figures = Kennzahlen
heading-internal = Interne Notizen

## Überblick
label-incident-time = Vorfallszeit
label-window = Wartungsfenster
label-duration = Dauer des Vorfalls
label-severity = Auswirkungsgrad
label-affected = Betroffene Dienste
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
figure-time-to-acknowledge = Zeit bis zur Reaktion
figure-time-to-mitigate = Zeit bis zur Eindämmung
figure-time-to-resolve = Zeit bis zur Behebung

## Auswirkungsgrad
severity-none = Keiner
severity-minor = Gering
severity-major = Hoch
severity-critical = Kritisch

## Zustand einer Komponente
component-operational = Betriebsbereit
component-degraded_performance = Eingeschränkte Leistung
component-partial_outage = Teilweiser Ausfall
component-major_outage = Schwerer Ausfall
component-under_maintenance = Wartungsarbeiten

## Vorfallsstatus (öffentliche Meldungen)
update-investigating = Wird untersucht
update-identified = Ursache gefunden
update-monitoring = Wird beobachtet
update-resolved = Behoben
update-postmortem = Nachbesprechung veröffentlicht
incident-ongoing = Andauernd

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
duration-ongoing = seit { $duration } andauernd
# Datum und Uhrzeit: `17. Dezember 2023, 03:56`.
datetime = { $date }, { $time }
# Zwei Uhrzeiten an einem Tag, ohne Leerzeichen um den Bis-Strich (DIN 5008).
time-range-day = { $date }, { $start }–{ $end }
datetime-zone-named = { $datetime } { $zone }
label-time-zoned = { $label } ({ $zone })
# Größte Einheit einer Dauer: days oder hours (nicht übersetzen).
duration-largest-unit = days

## Hinweise
notice-draft = Entwurf: Diese Nachbesprechung ist nicht veröffentlicht.
notice-review = In Prüfung: Diese Nachbesprechung ist noch nicht veröffentlicht.
notice-ongoing = Dieser Vorfall dauert noch an. Diese Seite wird laufend aktualisiert.
notice-pending = Dieser Vorfall ist behoben. Die Nachbesprechung wird gerade geschrieben und hier veröffentlicht.
notice-stale = Ein Teil dieser Übersetzung ist veraltet: Das Original ({ $language }) wurde seit der Übersetzung geändert.
notice-fallback = Teile dieser Nachbesprechung sind noch nicht übersetzt und werden in der Originalsprache ({ $language }) angezeigt.
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
