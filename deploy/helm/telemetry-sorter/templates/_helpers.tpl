{{/* Chart name, overridable. */}}
{{- define "telemetry-sorter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name; a parent chart's release name is never hard-coded. */}}
{{- define "telemetry-sorter.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "telemetry-sorter.collector.fullname" -}}
{{- printf "%s-collector" (include "telemetry-sorter.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "telemetry-sorter.aiSorter.fullname" -}}
{{- printf "%s-ai-sorter" (include "telemetry-sorter.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "telemetry-sorter.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "telemetry-sorter.labels" -}}
helm.sh/chart: {{ include "telemetry-sorter.chart" . }}
app.kubernetes.io/name: {{ include "telemetry-sorter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels for one component (collector | ai-sorter). Call with (dict "ctx" $ "component" "collector"). */}}
{{- define "telemetry-sorter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "telemetry-sorter.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "telemetry-sorter.componentLabels" -}}
{{ include "telemetry-sorter.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "telemetry-sorter.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "telemetry-sorter.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "telemetry-sorter.secretName" -}}
{{- default (include "telemetry-sorter.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Image reference honouring global.imageRegistry. Call with (dict "ctx" $ "image" .Values.collector.image). */}}
{{- define "telemetry-sorter.image" -}}
{{- $registry := .ctx.Values.global.imageRegistry -}}
{{- $tag := default .ctx.Chart.AppVersion .image.tag -}}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{- define "telemetry-sorter.imagePullSecrets" -}}
{{- $secrets := concat (.Values.global.imagePullSecrets | default list) (.Values.imagePullSecrets | default list) | uniq }}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  {{- if kindIs "map" . }}
  - name: {{ .name }}
  {{- else }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The collector config as YAML; its checksum rolls the pods when it changes. configOverride is used exactly as
given; otherwise config, with the sinks of collector.output added and pipelines.default sent to them. */}}
{{- define "telemetry-sorter.collector.config" -}}
{{- if .Values.collector.configOverride }}
{{- toYaml .Values.collector.configOverride }}
{{- else }}
{{- $config := deepCopy .Values.collector.config }}
{{- $out := .Values.collector.output }}
{{- $sinks := default (dict) (index $config "sinks") }}
{{- $targets := list }}
{{- if $out.stdout }}
{{- $_ := set $sinks "stdout" (dict "type" "stdout" "format" "text") }}
{{- $targets = append $targets "sinks.stdout" }}
{{- end }}
{{- if $out.lokiUrl }}
{{- $loki := dict "type" "loki" "url" $out.lokiUrl }}
{{- if $out.lokiTenantId }}{{- $_ := set $loki "tenant_id" $out.lokiTenantId }}{{- end }}
{{- $_ := set $sinks "loki" $loki }}
{{- $targets = append $targets "sinks.loki" }}
{{- end }}
{{- if $out.otlpEndpoint }}
{{- $_ := set $sinks "otlp" (dict "type" "otlp" "endpoint" $out.otlpEndpoint) }}
{{- $targets = append $targets "sinks.otlp" }}
{{- range $id, $source := (index $config "sources") }}
{{- if and (kindIs "map" $source) (has (index $source "type") (list "otlp_http" "otlp_grpc")) }}
{{- if not (hasKey $source "traces_forward_to") }}{{- $_ := set $source "traces_forward_to" (list "sinks.otlp") }}{{- end }}
{{- if not (hasKey $source "metrics_forward_to") }}{{- $_ := set $source "metrics_forward_to" (list "sinks.otlp") }}{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- $_ := set $config "sinks" $sinks }}
{{- $default := index (default (dict) (index $config "pipelines")) "default" }}
{{- if and (kindIs "map" $default) (not (index $default "forward_to")) }}
{{- if not $targets }}
{{- fail "collector.output: set lokiUrl, otlpEndpoint or stdout: true, or give pipelines.default a forward_to in collector.config" }}
{{- end }}
{{- $_ := set $default "forward_to" $targets }}
{{- end }}
{{- if and (eq .Values.collector.mode "daemonset") .Values.collector.nodeLogs.tailPods }}
{{- /* Every pod's log files on the node (CRI format), labelled from their path, into pipelines.default. */}}
{{- $pods := dict "type" "file" "targets" (list (dict "__path__" "/var/log/pods/*/*/*.log")) "forward_to" (list "pipelines.kubernetes_pods") }}
{{- $path := dict "source" "filename" "expression" "^/var/log/pods/(?P<namespace>[^_/]+)_(?P<pod>[^_/]+)_[^/]+/(?P<container>[^/]+)/" }}
{{- $stages := list (dict "cri" (dict)) (dict "regex" $path) (dict "labels" (dict "values" (dict "namespace" "" "pod" "" "container" ""))) (dict "label_drop" (dict "values" (list "filename"))) }}
{{- $_ := set (index $config "sources") "kubernetes_pods" $pods }}
{{- $_ := set (index $config "pipelines") "kubernetes_pods" (dict "stages" $stages "forward_to" (list "pipelines.default")) }}
{{- end }}
{{- toYaml $config }}
{{- end }}
{{- end }}
