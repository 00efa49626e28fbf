# Deutsche Texte der Statusseite (hindsight build).
# Ein Projekt überschreibt jeden Text in seiner eigenen locales/de/site.ftl.

## Navigation und Seitentitel
site-current-status = Aktueller Status
site-history = Störungshistorie
site-metrics = Kennzahlen
site-components = Komponenten
site-component = Komponente
site-skip = Zum Inhalt springen
site-language = Sprache
site-feed = Abonnieren (Atom-Feed)
site-api = JSON-API
site-back = Zurück zum aktuellen Status
site-as-of = Stand: { $datetime }
site-powered = Erstellt mit hindsight
site-widget-as-of = Stand: { $datetime }

## Gesamtstatus (Statuspage-Indikator)
banner-none = Alle Systeme betriebsbereit
banner-minor = Geringfügige Störung
banner-major = Teilausfall
banner-critical = Schwerer Systemausfall
banner-maintenance = Wartungsarbeiten laufen

## Störungen auf der Seite
site-ongoing = Laufende Störungen
site-no-incidents = Es wurden keine Störungen gemeldet.
site-latest-update = Letzte Aktualisierung
site-not-public = Entwurf — nicht öffentlich
site-component-incidents = Störungen mit Auswirkung auf diese Komponente
site-recent = Vergangene Störungen
site-history-months = Monate
site-history-newer = Neuerer Monat
site-history-older = Älterer Monat
site-month-incidents = Störungen
site-component-history = Frühere Störungen stehen in der Störungshistorie

## Verfügbarkeitsbalken
uptime-heading = Verfügbarkeit in den letzten 90 Tagen
uptime-percent = { $percent }{ "\u202F" }% Verfügbarkeit
uptime-start = vor 90 Tagen
uptime-end = Heute
uptime-day-clear = { $date }: keine Ausfallzeit
uptime-day-degraded = { $date }: { $status }, keine Ausfallzeit
uptime-day-down = { $date }: { $duration } Ausfallzeit
uptime-legend = Jeder Balken steht für einen Tag; seine Farbe zeigt, wie lange die Komponente an diesem Tag ausgefallen war. Teilausfälle zählen zu 30{ "\u202F" }% als Ausfallzeit.
uptime-label = Verfügbarkeit in den letzten 90 Tagen: { $percent }{ "\u202F" }%

## Aus Meilensteinen abgeleitete Statusmeldungen (JSON-API und Feeds)
update-body-investigating = Wir untersuchen diese Störung.
update-body-monitoring = Eine Korrektur wurde eingespielt; wir überwachen die Ergebnisse.
update-body-resolved = Diese Störung ist behoben.
update-body-scheduled = Diese Wartung ist geplant.
update-body-in_progress = Die geplante Wartung läuft. Wir informieren bei Bedarf über den Fortschritt.
update-body-verifying = Die Arbeiten sind abgeschlossen; wir prüfen, ob alles wie erwartet funktioniert.
update-body-completed = Die geplante Wartung ist abgeschlossen.
update-body-cancelled = Diese geplante Wartung wurde abgesagt.

## Abzeichen
badge-status = Status
badge-none = Betriebsbereit
badge-minor = Geringfügige Störung
badge-major = Teilausfall
badge-critical = Systemausfall
badge-maintenance = Wartung

## Die Seite, die es nicht gibt
site-not-found = Seite nicht gefunden
site-not-found-text = Unter dieser Adresse gibt es keine Seite.

## Metrics page
metrics-intro = Veröffentlichte Störungen der letzten 12 Monate, nach dem Monat, in dem sie begannen.
metrics-incidents = Störungen pro Monat
metrics-resolve = Mittlere Zeit bis zur Behebung
metrics-uptime = Verfügbarkeit nach Monat
metrics-actions = Folgemaßnahmen
metrics-actions-open = { $count } offen
metrics-actions-overdue = { $count } überfällig
metrics-month = Monat
metrics-component = Komponente
metrics-bar = { $month }: { $value }
metrics-uptime-note = Verfügbarkeit in Prozent, gewichtet wie in den Verfügbarkeitsbalken; der laufende Monat zählt bis jetzt.
metrics-max = max. { $value }
metrics-no-data = Keine Daten in diesen Monaten.
metrics-count = Störungen

## Geplante Wartung
site-maintenance-active = Laufende Wartungsarbeiten
site-maintenance-upcoming = Geplante Wartungsarbeiten
site-maintenance-past = Abgeschlossene Wartungsarbeiten
site-maintenance-calendar = Wartungskalender (iCalendar)
maintenance-scheduled = Geplant
maintenance-in_progress = Läuft
maintenance-verifying = Wird überprüft
maintenance-completed = Abgeschlossen
maintenance-cancelled = Abgesagt
