# Hinweise in neuen Einträgen (hindsight new): wie ein guter Abschnitt aussieht.
# Eine eigene locales/de/new.ftl des Projekts kann jede Meldung überschreiben.

guide-intro = Jedes TODO ersetzen; `hindsight lint` nennt die übrigen, sobald der Status published ist.
guide-announced = Veröffentlicht: Die Statusseite zeigt diese Störung jetzt. Meldungen mit `hindsight update` posten; nach der Behebung das Postmortem in den auskommentierten Abschnitten schreiben (führendes # entfernen, jedes TODO ersetzen).
guide-status = draft -> review -> published (nur veröffentlichte Einträge sind öffentlich).
guide-severity = none | minor | major | critical
guide-affected = Betroffene Komponenten und ihr schlechtester Zustand (operational | degraded_performance | partial_outage | major_outage | under_maintenance):
guide-started = Beginn der Auswirkungen, in der Zeitzone oben.
guide-milestones = Ausfüllen, sobald es so weit ist (eine Uhrzeit wie 14:10 gilt am Tag von `started`):
guide-summary = Zwei, drei Sätze, die Kundinnen und Kunden verstehen: was ausfiel, für wen, wie lange.
guide-impact = Wer war wie stark betroffen: Nutzer, Anfragen, Geld, Daten. Zahlen statt Adjektive.
guide-what-happened = Der Ablauf der Reihe nach, vom ersten Anzeichen bis zur Wiederherstellung.
guide-root-cause = Warum es geschah, nicht wer: die Bedingung, die den Fehler möglich machte.
guide-trigger = Die Änderung oder das Ereignis, das ihn auslöste.
guide-detection = Wie es bemerkt wurde, und wie es früher bemerkt werden könnte.
guide-resolution = Was den Dienst wiederherstellte, und was davon noch provisorisch ist.
guide-timeline = Ein Eintrag je Tatsache, mit Uhrzeit; `status:` macht ihn zur öffentlichen Meldung.
guide-lessons = Was gut lief, was schlecht lief, wo wir Glück hatten.
guide-actions = Konkret, mit Verantwortlichen und Frist: eine Änderung, eine Person, ein Termin.
guide-exposure = Sicherheit: wer worauf zugreifen konnte, von wann bis wann, und woher wir es wissen.
guide-exposure-heading = Gefährdung
guide-data = Sicherheit: welche Daten, wie viele Datensätze oder Personen, gelesen oder verändert.
guide-data-heading = Betroffene Daten
guide-disclosure = Sicherheit: wer wann über welchen Weg informiert wurde (Betroffene, Behörden).
guide-disclosure-heading = Offenlegung
guide-maintenance-intro = Geplante Wartung: Jedes TODO ersetzen, dann den Status auf published setzen, um sie anzukündigen. Die Statusseite zeigt das Zeitfenster von `scheduled_for` bis `scheduled_until`.
guide-kind = maintenance: geplante Arbeiten, im Voraus angekündigt (ein Eintrag ohne `kind` ist eine Störung).
guide-maintenance-affected = Die Komponenten, die die Arbeiten berühren, und ihr Zustand während des Zeitfensters (meist under_maintenance):
guide-scheduled = Das geplante Zeitfenster, in der Zeitzone oben (eine Uhrzeit wie 23:00 gilt am Tag von `scheduled_for`).
guide-auto-complete = Das Zeitfenster endet von selbst; auf false setzen, um es von Hand mit `resolved` abzuschließen.
guide-cancelled = Fallen die Arbeiten aus, den Eintrag behalten und setzen:
guide-maintenance-happened = Wann die Arbeiten wirklich begannen und endeten; ausfüllen, sobald es so weit ist:
guide-maintenance-summary = Was getan wird und warum, in zwei, drei Sätzen, die Kundinnen und Kunden verstehen.
guide-maintenance-impact = Was Nutzer während des Zeitfensters merken: was nicht verfügbar oder langsamer ist, und was sie solange tun können.
