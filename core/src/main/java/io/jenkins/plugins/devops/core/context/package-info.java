/**
 * The workspace context: {@code ai-state/active/devops/} files that describe a workspace's pipelines,
 * infrastructure, monitoring and each build's DevOps task, valid against the JSON schemas in
 * {@code io/jenkins/plugins/devops/core/context/schemas/}. Written by {@link
 * io.jenkins.plugins.devops.core.context.WorkspaceContextWriter} after each step; checked by {@link
 * io.jenkins.plugins.devops.core.context.WorkspaceContextValidator}.
 */
package io.jenkins.plugins.devops.core.context;
