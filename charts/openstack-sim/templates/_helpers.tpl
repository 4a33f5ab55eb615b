{{- define "openstack-sim.name" -}}openstack-sim{{- end -}}

{{- define "openstack-sim.labels" -}}
app.kubernetes.io/name: {{ include "openstack-sim.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "openstack-sim.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "openstack-sim.fullname" -}}
{{- printf "%s-%s" .Release.Name "openstack-sim" | trunc 52 | trimSuffix "-" -}}
{{- end -}}
