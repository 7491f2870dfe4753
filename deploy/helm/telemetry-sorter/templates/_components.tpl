{{/* The enabled scalable components as a list of (name, fullname, kind); HPA and PDB range over it. */}}
{{- define "telemetry-sorter.scalableComponents" -}}
{{- $list := list }}
{{- if and .Values.collector.enabled (ne .Values.collector.mode "daemonset") }}
{{- $list = append $list (dict "component" "collector" "fullname" (include "telemetry-sorter.collector.fullname" .)) }}
{{- end }}
{{- if .Values.aiSorter.enabled }}
{{- $list = append $list (dict "component" "ai-sorter" "fullname" (include "telemetry-sorter.aiSorter.fullname" .)) }}
{{- end }}
{{- toJson $list }}
{{- end }}
